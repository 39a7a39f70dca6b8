import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { api, configureClient, languageHeaders } from './client'
import { importReports } from './enterprises'
import { importLedger } from './projects'
import { importValues } from './monitoring'
import { evaluationApi } from './evaluation'
import { importIndustryTable } from './industries'
import { currentLocale, i18n, type Locale } from '@/locales'

// The server answers error messages in the language the request asks for (Accept-Language), so
// every API call — JSON requests and raw file uploads alike — sends the UI language.
describe('Accept-Language follows the UI language', () => {
  const fetchMock = vi.fn()
  const sent = (i: number) => (fetchMock.mock.calls[i][1] as { headers: Record<string, string> }).headers
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({}), { status: 200 }))
    configureClient({ getCsrfToken: () => 'tok', getLocale: () => currentLocale(), onUnauthorized: () => {} })
  })
  afterEach(() => {
    fetchMock.mockReset()
    vi.unstubAllGlobals()
    i18n.global.locale.value = 'zh-CN'
  })
  const setUiLocale = (l: Locale) => {
    i18n.global.locale.value = l
  }

  it('is zh-CN by default and en after switching the UI to English', async () => {
    expect(languageHeaders()).toEqual({ 'Accept-Language': 'zh-CN' })
    await api.get('/api/v1/tasks')
    expect(sent(0)['Accept-Language']).toBe('zh-CN')
    setUiLocale('en')
    await api.post('/api/v1/parks', { name: 'x' })
    expect(sent(1)['Accept-Language']).toBe('en')
    setUiLocale('zh-CN')
    await api.del('/api/v1/tokens/1')
    expect(sent(2)['Accept-Language']).toBe('zh-CN')
  })

  it('is sent with every file upload', async () => {
    setUiLocale('en')
    const file = new Blob(['a,b\n'])
    await importReports(1, file, 'tok')
    await importLedger(1, file, 'tok')
    await importValues(1, file, 'month', 'tok')
    await evaluationApi.importFile(1, 2023, file, 'manual')
    await importIndustryTable(file, 'tok')
    expect(fetchMock).toHaveBeenCalledTimes(5)
    for (let i = 0; i < 5; i++) {
      expect(sent(i)['Accept-Language'], String(fetchMock.mock.calls[i][0])).toBe('en')
      expect(sent(i)['Content-Type']).toBe('application/octet-stream')
    }
  })
})
