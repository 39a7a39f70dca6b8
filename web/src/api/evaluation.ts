// 亩均效益评价 API (issue 6): schemes, inputs (一企一单), run/results, what-if, migration, policies,
// per-mu figures, 公示 and appeals.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from './client'
import { useAuthStore } from '@/stores/auth'

export type GroupCode = 'above_scale' | 'below_scale'
export type ClassCode = 'A' | 'B' | 'C' | 'D' | 'T'
export const CLASSES: ClassCode[] = ['A', 'B', 'C', 'D', 'T']
export const INDICATORS = [
  'tax_per_mu', 'value_added_per_mu', 'revenue_per_mu', 'labour_productivity',
  'value_added_per_energy', 'value_added_per_emission', 'rnd_intensity', 'tax_per_kwh',
] as const
export type IndicatorCode = (typeof INDICATORS)[number]
export const INPUT_FIELDS = [
  'land_mu', 'tax', 'value_added', 'revenue', 'output', 'energy_tce', 'emissions_t', 'employees_avg', 'rnd', 'electricity_kwh',
] as const
export type InputField = (typeof INPUT_FIELDS)[number]
export const SOURCES = ['platform', 'tax_bureau', 'power_supply', 'ecology', 'natural_resources', 'manual'] as const

export interface IndicatorSpec { code: string; weight: number; benchmark: number | null; benchmark_k?: number; cap: number | null }
export interface Quota { max_pct: number | null; min_pct: number | null }
export interface Adjustment { code: string; name: string; points: number }
export interface GroupSpec {
  code: GroupCode
  indicators: IndicatorSpec[]
  classes: { method: 'percentile' | 'threshold'; bounds: number[]; quotas?: Partial<Record<'A' | 'B' | 'C' | 'D', Quota>> }
  bonuses?: Adjustment[]
  deductions?: Adjustment[]
  max_bonus?: number | null
  missing?: 'group_average' | 'zero'
}
export interface Scheme { groups: GroupSpec[] }
export interface SchemeView extends Scheme { park_id: number; year: number; is_default: boolean }

export interface InputRow {
  enterprise_id: number
  enterprise_name: string | null
  group: GroupCode
  sub_park_id: number | null
  industry: string | null
  land_mu: number | null; tax: number | null; value_added: number | null; revenue: number | null; output: number | null
  energy_tce: number | null; emissions_t: number | null; employees_avg: number | null; rnd: number | null; electricity_kwh: number | null
  sources: Record<string, string>
  excluded_reason: string | null
  veto_reason: string | null
  d_exempt_reason: string | null
  confirmed: boolean
  confirmed_at: string | null
}

export interface RunInfo {
  id: number; year: number; run_at: string; enterprises: number; status: 'draft' | 'published'
  published_at: string | null; publicity_start: string | null; publicity_end: string | null
}
export interface ResultRow {
  enterprise_id: number
  enterprise_name: string | null
  group: GroupCode
  indicators: Record<string, number | null>
  indicator_scores: Record<string, number>
  imputed: string[]
  score: number | null
  class: ClassCode
  class_by_rank: ClassCode
  rank: number | null
  ranked_in_group: number
  flags: string[]
}
export type Distribution = Record<GroupCode, Record<ClassCode, number>>
export interface RunResponse {
  park_id: number; year: number; run: RunInfo | null; total: number; unconfirmed: number
  distribution: Distribution; items: ResultRow[]
}
export interface ClassChange {
  enterprise_id: number; enterprise_name: string | null; group: GroupCode
  class_before: ClassCode; class_after: ClassCode; score_before: number; score_after: number
  rank_before: number | null; rank_after: number | null
}
export interface WhatIfResponse {
  saved: false; enterprises: number; total: number; changes: ClassChange[]
  distribution_before: Distribution; distribution_after: Distribution
}
export interface MigrationResponse {
  year: number; from_year: number; has_last_year: boolean
  matrix: Record<ClassCode, Record<ClassCode, number>>
  entered: Record<ClassCode, number>; left: Record<ClassCode, number>; upgraded: number; downgraded: number
}
export interface PolicyMeasure { resource: string; measure: string; rate: number | null; unit: string }
export interface PolicyRow {
  enterprise_id: number; enterprise_name: string | null; class: ClassCode; measures: PolicyMeasure[]
  years_in_d: number; surcharge_yuan_per_kwh: number | null; surcharge_amount: number | null
}
/** One item of a park's 差别化政策 list (class A–D; resource one of POLICY_RESOURCES). */
export interface PolicyConfigItem { class: 'A' | 'B' | 'C' | 'D'; resource: string; measure: string; rate: number | null; unit: string }
export interface PolicyConfig { items: PolicyConfigItem[]; surcharge: { yuan_per_kwh: (number | null)[] } }
/** GET/PUT/DELETE …/evaluation-policies: the park's configuration (its top park's for a sub-park). */
export interface PolicyConfigView extends PolicyConfig { park_id: number; config_park_id: number; is_default: boolean }
/** The per-enterprise list, with the park configuration it was built from. */
export interface PolicyListResponse extends ListResponse<PolicyRow> { policies: PolicyConfigItem[]; surcharge: { yuan_per_kwh: number[] }; is_default: boolean }
export const POLICY_RESOURCES = ['land', 'electricity', 'water', 'energy', 'credit', 'subsidy', 'other'] as const
export interface PerMuFigure {
  key: string; name: string; enterprises: number; land_mu: number; tax: number; output: number; value_added: number
  tax_per_mu: number | null; output_per_mu: number | null; value_added_per_mu: number | null
}
export interface PerMuResponse { park: PerMuFigure; by_sub_park: PerMuFigure[]; by_industry: PerMuFigure[]; by_group: PerMuFigure[] }
export interface Appeal {
  id: number; year: number; run_id: number; enterprise_id: number; enterprise_name: string | null; reason: string
  status: 'pending' | 'upheld' | 'rejected'; class_before: ClassCode; class_after: ClassCode | null
  decision_note: string | null; created_at: string; decided_at: string | null
}

export interface FromPlatformResult {
  enterprises: number; updated: number; skipped: { enterprise_id: number; enterprise_name: string; reason: string }[]
}

const base = (parkId: number, year: number) => `/api/v1/parks/${parkId}/evaluations/${year}`

export const evaluationApi = {
  scheme: (parkId: number, year: number) => api.get<SchemeView>(`/api/v1/parks/${parkId}/evaluation-schemes/${year}`),
  saveScheme: (parkId: number, year: number, s: Scheme) => api.put<SchemeView>(`/api/v1/parks/${parkId}/evaluation-schemes/${year}`, s),
  inputs: (parkId: number, year: number) => api.get<ListResponse<InputRow>>(`${base(parkId, year)}/inputs`),
  putInputs: (parkId: number, year: number, items: Partial<InputRow>[], source?: string) =>
    api.put<ListResponse<InputRow>>(`${base(parkId, year)}/inputs`, { items, source }),
  /** Computes the year's inputs from approved monthly reports and held parcels (imported values kept). */
  fromPlatform: (parkId: number, year: number) => api.post<FromPlatformResult>(`${base(parkId, year)}/inputs/from-platform`),
  confirm: (parkId: number, year: number, enterpriseId: number) => api.post<InputRow>(`${base(parkId, year)}/inputs/${enterpriseId}/confirm`),
  results: (parkId: number, year: number) => api.get<RunResponse>(base(parkId, year)),
  run: (parkId: number, year: number) => api.post<RunResponse>(`${base(parkId, year)}/run`),
  whatIf: (parkId: number, year: number, scheme: Scheme) => api.post<WhatIfResponse>(`${base(parkId, year)}/what-if`, { scheme }),
  migration: (parkId: number, year: number) => api.get<MigrationResponse>(`${base(parkId, year)}/migration`),
  policies: (parkId: number, year: number) => api.get<PolicyListResponse>(`${base(parkId, year)}/policies`),
  policyConfig: (parkId: number) => api.get<PolicyConfigView>(`/api/v1/parks/${parkId}/evaluation-policies`),
  savePolicyConfig: (parkId: number, c: PolicyConfig) => api.put<PolicyConfigView>(`/api/v1/parks/${parkId}/evaluation-policies`, c),
  resetPolicyConfig: (parkId: number) => api.del<PolicyConfigView>(`/api/v1/parks/${parkId}/evaluation-policies`),
  perMu: (parkId: number, year: number) => api.get<PerMuResponse>(`${base(parkId, year)}/per-mu`),
  publish: (parkId: number, year: number, days: number) => api.post<RunInfo>(`${base(parkId, year)}/publish`, { publicity_days: days }),
  appeals: (parkId: number, year: number) => api.get<ListResponse<Appeal>>(`${base(parkId, year)}/appeals`),
  appeal: (parkId: number, year: number, enterpriseId: number, reason: string) =>
    api.post<Appeal>(`${base(parkId, year)}/appeals`, { enterprise_id: enterpriseId, reason }),
  decide: (parkId: number, id: number, decision: 'upheld' | 'rejected', note: string, cls?: string) =>
    api.post<Appeal>(`/api/v1/parks/${parkId}/evaluation-appeals/${id}/decision`, { decision, note, class: cls || undefined }),
  /** Uploads an .xlsx or .csv file of inputs (all or nothing; 422 details name rows[<row>].<column>). */
  importFile: async (parkId: number, year: number, file: Blob, source: string): Promise<{ imported: number }> => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream', ...languageHeaders() }
    const csrf = useAuthStore().csrfToken
    if (csrf) headers['X-CSRF-Token'] = csrf
    const res = await fetch(buildUrl(`${base(parkId, year)}/inputs/import`, { source }), {
      method: 'POST', headers, body: file, credentials: 'same-origin',
    })
    const body = await res.json().catch(() => null)
    if (!res.ok) throw toApiError(res.status, body, res.statusText)
    return body as { imported: number }
  },
  /** Server-side export URL (?format=xlsx|csv) of results ('' ), inputs or policies. */
  exportUrl: (parkId: number, year: number, what: '' | 'inputs' | 'policies', format: 'xlsx' | 'csv') =>
    buildUrl(what ? `${base(parkId, year)}/${what}` : base(parkId, year), { format }),
}
