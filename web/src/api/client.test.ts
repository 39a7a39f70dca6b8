import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, buildUrl, configureClient, toApiError } from './client'

describe('toApiError', () => {
  it('maps the server error shape with field details', () => {
    const e = toApiError(422, {
      error: {
        code: 'validation',
        message: '参数错误',
        details: [
          { field: 'password', message: '密码太弱' },
          { field: 'role', message: '未知角色' },
          { field: 'password', message: 'second message is ignored' },
        ],
      },
    })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.code).toBe('validation')
    expect(e.message).toBe('参数错误')
    expect(e.details).toHaveLength(3)
    expect(e.fieldErrors).toEqual({ password: '密码太弱', role: '未知角色' })
  })

  it('falls back when the body is not the error shape', () => {
    const e = toApiError(502, null, 'Bad Gateway')
    expect(e.code).toBe('http_502')
    expect(e.message).toBe('Bad Gateway')
    expect(e.fieldErrors).toEqual({})
    expect(toApiError(500, { foo: 1 }).message).toBe('HTTP 500')
  })

  it('tolerates missing code, message and details', () => {
    const e = toApiError(409, { error: {} }, 'Conflict')
    expect(e.code).toBe('http_409')
    expect(e.message).toBe('Conflict')
    expect(e.details).toEqual([])
  })
})

describe('buildUrl', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildUrl('/api/v1/audit', { user: 'a b', entity: '', from: undefined, page: 2 })).toBe('/api/v1/audit?user=a+b&page=2')
    expect(buildUrl('/x', {})).toBe('/x')
  })
})

describe('request', () => {
  const fetchMock = vi.fn()
  const onUnauthorized = vi.fn()
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    configureClient({ getCsrfToken: () => 'tok123', getLocale: () => 'en', onUnauthorized })
  })
  afterEach(() => {
    fetchMock.mockReset()
    onUnauthorized.mockReset()
    vi.unstubAllGlobals()
  })
  const respond = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

  it('sends CSRF on writes only, the language always, and cookies', async () => {
    fetchMock.mockResolvedValueOnce(respond(200, { items: [], total: 0 }))
    await api.get('/api/v1/tasks')
    let [, init] = fetchMock.mock.calls[0]
    expect(init.headers['X-CSRF-Token']).toBeUndefined()
    expect(init.headers['Accept-Language']).toBe('en')
    expect(init.credentials).toBe('same-origin')

    fetchMock.mockResolvedValueOnce(respond(204))
    const r = await api.del('/api/v1/tokens/3')
    expect(r).toBeUndefined()
    ;[, init] = fetchMock.mock.calls[1]
    expect(init.method).toBe('DELETE')
    expect(init.headers['X-CSRF-Token']).toBe('tok123')

    fetchMock.mockResolvedValueOnce(respond(201, { id: 1 }))
    await api.post('/api/v1/users', { username: 'x' })
    ;[, init] = fetchMock.mock.calls[2]
    expect(init.headers['X-CSRF-Token']).toBe('tok123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body)).toEqual({ username: 'x' })
  })

  it('throws ApiError with field errors on 422', async () => {
    fetchMock.mockResolvedValueOnce(respond(422, { error: { code: 'weak_password', message: 'weak', details: [{ field: 'password', message: 'too short' }] } }))
    const err = await api.post('/api/v1/users', {}).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.fieldErrors.password).toBe('too short')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('calls onUnauthorized on 401 unless told not to', async () => {
    fetchMock.mockResolvedValueOnce(respond(401, { error: { code: 'unauthenticated', message: '请登录' } }))
    await expect(api.get('/api/v1/users')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)

    fetchMock.mockResolvedValueOnce(respond(401, { error: { code: 'bad_credentials', message: '用户名或密码错误' } }))
    await expect(api.post('/api/v1/auth/login', {}, { noAuthRedirect: true })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('maps a network failure to status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(api.get('/api/v1/health')).rejects.toMatchObject({ status: 0, code: 'network' })
  })
})
