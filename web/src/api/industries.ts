// The GB/T 4754-2017 industry classification table (国民经济行业分类): browse, summary, export, and
// for system administrators import of a replacement table and going back to the built-in one.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from './client'

export type IndustryLevel = 'section' | 'division' | 'group' | 'class'

export interface Industry {
  code: string
  level: IndustryLevel
  name: string
  parent: string
  leading_group: string
  leading_group_name: string
}

export interface IndustryTableInfo {
  source: 'embedded' | 'imported'
  rows: number
  sections: number
  divisions: number
  groups: number
  classes: number
}

/** The answer to an import or a reset: the new table's info and what changed. */
export interface IndustryTableChange extends IndustryTableInfo {
  rows_before: number
  added: string[]
  removed: string[]
  renamed: string[]
}

/** The server caps a listing at this many codes. */
export const INDUSTRY_LIST_LIMIT = 500

const base = '/api/v1/industries'

export const industriesApi = {
  /** Children of `parent` (sections when empty), or codes / names matching `q`. */
  list: (q: { parent?: string; q?: string; park_id?: number | null }) => api.get<ListResponse<Industry>>(base, q),
  table: () => api.get<IndustryTableInfo>(`${base}/table`),
  reset: () => api.del<IndustryTableChange>(`${base}/table`),
}

export const industryExportUrl = (format: 'csv' | 'xlsx') => buildUrl(`${base}/export`, { format })

/** Uploads a CSV or XLSX table as it is (not JSON). Rejects with an ApiError whose details name
 * `rows[N].<column>`, `header`, `rows` or `file` when the server refuses it (422). */
export async function importIndustryTable(file: Blob, csrf: string | null): Promise<IndustryTableChange> {
  let res: Response
  try {
    res = await fetch(`${base}/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrf ?? '', Accept: 'application/json', ...languageHeaders() },
      body: file,
    })
  } catch (e) {
    throw toApiError(0, null, (e as Error)?.message || 'network error')
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) throw toApiError(res.status, body, res.statusText)
  return body as IndustryTableChange
}
