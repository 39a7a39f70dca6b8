// The one HTTP client of the app. Every module in src/api/ goes through request().
// It sends the session cookie, the CSRF token on writes and the UI language, and turns
// the server's error shape {"error":{"code","message","details":[{"field","message"}]}}
// into an ApiError with a field → message map for forms.

export interface ErrorDetail {
  field: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ErrorDetail[]
  readonly fieldErrors: Record<string, string>

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.fieldErrors = {}
    for (const d of details) {
      if (d.field && !(d.field in this.fieldErrors)) this.fieldErrors[d.field] = d.message
    }
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

export interface ClientHooks {
  getCsrfToken: () => string | null | undefined
  getLocale: () => string
  onUnauthorized: () => void
}

const hooks: ClientHooks = {
  getCsrfToken: () => null,
  getLocale: () => 'zh-CN',
  onUnauthorized: () => {
    if (typeof window !== 'undefined' && window.location.pathname !== '/login') {
      window.location.assign('/login')
    }
  },
}

/** Wires the client to the auth store, the i18n locale and the router (done once in main.ts). */
export function configureClient(h: Partial<ClientHooks>): void {
  Object.assign(hooks, h)
}

/** The UI language as the Accept-Language header ('zh-CN' or 'en'), so the server answers its
 *  error messages in the language on screen. request() sends it; raw uploads spread it in. */
export function languageHeaders(): Record<string, string> {
  return { 'Accept-Language': hooks.getLocale() }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** Do not redirect to /login on 401 (the login call itself and the start-up /me probe). */
  noAuthRedirect?: boolean
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

/** Maps a non-2xx response body (already parsed, or null) to an ApiError. Pure; unit-tested. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  const err = (body as { error?: unknown } | null)?.error
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; details?: unknown }
    const details: ErrorDetail[] = Array.isArray(e.details)
      ? e.details
          .filter((d): d is ErrorDetail => !!d && typeof d === 'object')
          .map((d) => ({ field: String(d.field ?? ''), message: String(d.message ?? '') }))
      : []
    const code = typeof e.code === 'string' && e.code ? e.code : `http_${status}`
    const message = typeof e.message === 'string' && e.message ? e.message : statusText || `HTTP ${status}`
    return new ApiError(status, code, message, details)
  }
  return new ApiError(status, `http_${status}`, statusText || `HTTP ${status}`)
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...languageHeaders(),
  }
  const upper = method.toUpperCase()
  if (upper !== 'GET' && upper !== 'HEAD') {
    const token = hooks.getCsrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e
    throw new ApiError(0, 'network', (e as Error)?.message || 'network error')
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
  }
  if (!res.ok) {
    const err = toApiError(res.status, parsed, res.statusText)
    if (res.status === 401 && !opts.noAuthRedirect) hooks.onUnauthorized()
    throw err
  }
  return parsed as T
}

export const api = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
}

export interface ListResponse<T> {
  items: T[]
  total: number
}

export interface PageQuery {
  page?: number
  page_size?: number
  sort?: string
}
