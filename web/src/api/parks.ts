// Parks compared (issue 13 items 1 and 2): the region's park evaluation and the chemical-park
// recognition ledger. Mirrors the "parks" routes of src/http/routes.cc.
import { api, buildUrl, type ListResponse } from './client'

export interface EvalIndicator {
  code: string
  name: string
  category: string
  unit: string
  source: 'formula' | 'entered'
  formula: string
  direction: 'higher' | 'lower'
  weight: number
  method: 'ratio' | 'efficacy' | 'rank'
  benchmark: number | null
}
export interface EvalScheme { code: string; name: string; note: string; categories: string[]; indicators: EvalIndicator[] }
export interface IndicatorScore { value: number | null; score: number; max: number }
export interface ParkScore {
  park_id: number
  park_name: string
  is_demo: boolean
  score: number
  rank: number
  previous_score: number | null
  previous_rank: number | null
  change: number | null
  categories: Record<string, number>
  indicators: Record<string, IndicatorScore>
  lost: { code: string; name: string; points: number }[]
  variables: Record<string, number>
}
export interface RegionEvaluation { region_id: number; region_name: string; year: number; scheme: EvalScheme; parks: ParkScore[] }

export interface EvalEntry { code: string; name: string; unit: string; value: number | null; evidence: string; updated_at: string | null; updated_by: string | null }

export type ChemStatus = 'met' | 'unmet' | 'rectifying'
export interface ChemItem {
  id: number
  park_id: number
  category: string
  no: number
  requirement: string
  units: string
  deadline: string | null
  status: ChemStatus
  status_zh: string
  evidence: string
  score: number | null
  review_years: number
  last_review: string | null
  next_review: string | null
  review_due: boolean
  overdue: boolean
  tracked: '' | 'river_setback' | 'emergency_pool'
  is_demo: boolean
}
export type ChemItemInput = Omit<ChemItem, 'id' | 'park_id' | 'status_zh' | 'next_review' | 'review_due' | 'overdue' | 'is_demo'>
export interface ChemCategory { name: string; items: ChemItem[]; done: number; total: number }
export interface ChemLedger { park_id: number; categories: ChemCategory[]; done: number; total: number }

export const parksApi = {
  schemes: () => api.get<ListResponse<EvalScheme>>('/api/v1/park-evaluation-schemes'),
  /** Adds or replaces one indicator of a scheme (sysadmin); answers the scheme. */
  putIndicator: (scheme: string, i: EvalIndicator) =>
    api.put<EvalScheme>(`/api/v1/park-evaluation-schemes/${scheme}/indicators/${i.code}`, i),
  deleteIndicator: (scheme: string, code: string) =>
    api.del<EvalScheme>(`/api/v1/park-evaluation-schemes/${scheme}/indicators/${code}`),
  evaluation: (regionId: number, year: number, scheme: string) =>
    api.get<RegionEvaluation>(`/api/v1/regions/${regionId}/park-evaluation/${year}`, { scheme }),
  evaluationExportUrl: (regionId: number, year: number, scheme: string) =>
    buildUrl(`/api/v1/regions/${regionId}/park-evaluation/${year}/export`, { scheme }),
  entries: (parkId: number, year: number) => api.get<ListResponse<EvalEntry>>(`/api/v1/parks/${parkId}/park-evaluation-entries/${year}`),
  putEntries: (parkId: number, year: number, entries: { code: string; value: number; evidence: string }[]) =>
    api.put<ListResponse<EvalEntry>>(`/api/v1/parks/${parkId}/park-evaluation-entries/${year}`, { entries }),
  ledger: (parkId: number) => api.get<ChemLedger>(`/api/v1/parks/${parkId}/chemical-park`),
  ledgerExportUrl: (parkId: number) => buildUrl(`/api/v1/parks/${parkId}/chemical-park/export`),
  createItem: (parkId: number, item: ChemItemInput) => api.post<ChemItem>(`/api/v1/parks/${parkId}/chemical-park/items`, item),
  updateItem: (id: number, item: ChemItemInput) => api.put<ChemItem>(`/api/v1/chemical-park-items/${id}`, item),
  deleteItem: (id: number) => api.del(`/api/v1/chemical-park-items/${id}`),
}
