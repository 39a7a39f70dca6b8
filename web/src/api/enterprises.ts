// The enterprises module's API (issue 5): registry, monthly reports, review, park-level status.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse, type Query } from './client'
import { importErrorRows } from '@/utils/importErrors'

export type LeadingGroup = 'coal_chemical' | 'power' | 'metallurgy' | 'building_materials' | 'other'
export type ReportState = 'draft' | 'submitted' | 'approved' | 'returned'

export interface EnterpriseFlag {
  code: string
  name: string
  since: string | null
  until: string | null
}

export interface Enterprise {
  id: number
  park_id: number
  sub_park_id: number | null
  uscc: string
  name: string
  legal_rep: string
  address: string
  contact_phone: string
  land_parcels: string
  industry_code: string
  industry_name: string
  leading_group: LeadingGroup
  leading_group_name: string
  above_scale: boolean
  scale_changed_on: string | null
  employees: number | null
  founded_on: string | null
  moved_in_on: string | null
  status: 'operating' | 'stopped' | 'closed'
  status_name: string
  is_demo: boolean
  flags: EnterpriseFlag[]
}

export interface NewEnterprise {
  uscc: string
  name: string
  park_id: number | null
  industry_code: string
  legal_rep?: string
  address?: string
  above_scale?: boolean
  moved_in_on?: string | null
}

export interface ReportField {
  code: string
  name: string
  unit: string
  required: boolean
  non_negative: boolean
}

export type Values = Record<string, number>

export interface CheckItem {
  field: string
  message: string
  rule?: string
  explanation?: string | null
}

export interface ReportView {
  enterprise_id: number
  enterprise_name: string
  period: string
  exists: boolean
  state: ReportState
  state_name: string
  values: Values
  explanations: Record<string, string>
  reference: { last_month: Values | null; last_year: Values | null }
  check: { can_submit: boolean; errors: CheckItem[]; warnings: CheckItem[] }
  deadline: string
  days_left: number
  queue_status: string
  exception_until: string | null
  editable: boolean
  fields?: ReportField[]
  return_reason: string | null
  reviewed_by: string | null
}

export interface QueueEntry {
  period: string
  state: ReportState | null
  status: 'not_yet_open' | 'due' | 'overdue' | 'returned' | 'done'
  deadline: string
  days_left: number
}

export interface ReportRow {
  period: string
  state: ReportState
  values: Values
}

export interface Revision {
  id: number
  period: string
  at: string
  username: string
  field: string
  old: string | null
  new: string | null
  reason: string
}

export interface ReviewItem {
  enterprise_id: number
  enterprise_name: string
  period: string
  submitted_at: string
  values: Values
  warnings: CheckItem[]
}

export interface ReportingStatus {
  period: string
  deadline: string
  expected: number
  submitted: number
  on_time: number
  approved: number
  completeness_pct: number | null
  timeliness_pct: number | null
  missing: number[]
  missing_enterprises: { id: number; name: string }[]
}

export interface BreakdownRow {
  key: string
  name: string
  enterprises: number
  total: number
}

export interface Breakdown {
  field: string
  year: number
  by_group: BreakdownRow[]
  by_scale: BreakdownRow[]
}

export interface Contribution {
  enterprise_id: number
  name: string
  change: string
  delta: number
  pull_pp: number | null
}

export interface Movement {
  from: string
  to: string
  total_last: number
  total_this: number
  change: number
  yoy_pct: number | null
  comparable_last: number
  comparable_yoy_pct: number | null
  effects: Record<string, { count: number; delta: number; pull_pp: number | null }>
  top_increases: Contribution[]
  top_decreases: Contribution[]
}

export interface PoolCandidate {
  enterprise_id: number
  name: string
  reason: string
  ttm_revenue: number | null
  growth_pct: number | null
}

export interface PoolMember {
  id: number
  enterprise_id: number
  name: string
  since: string
  status: string
  note: string
}

export interface Pool {
  code: string
  name: string
  members: PoolMember[]
  candidates: PoolCandidate[]
}

export interface Cultivation {
  year: number
  pools: Pool[]
  year_counts: { newly_above_scale: number; newly_moved_in: number; target_above_scale: number; target_moved_in: number }
}

export interface ZombieRow {
  enterprise_id: number
  name: string
  candidate: boolean
  inactive_months: number
  reason: string
  disposals: Disposal[]
}

export interface Disposal {
  id: number
  measure: string
  responsible_unit: string
  due: string | null
  status: string
  completed_on?: string | null
  note?: string
}

export interface Totals {
  months: (number | null)[]
  total: number
}

const e = (id: number) => `/api/v1/enterprises/${id}`
const r = (id: number, period: string) => `${e(id)}/reports/${period}`
const p = (parkId: number) => `/api/v1/parks/${parkId}`

export interface FlagPoolRule {
  code: string
  name: string
  any_of_flags: string[]
  target_flag: string
  cycle_months: number
}
export interface PoolRules {
  reserve: { min_ttm_revenue: number; max_ttm_revenue: number; growth_lookback_months: number; min_growth_pct: number }
  reserve_cycle_months: number
  watch: { ttm_revenue_below: number; falling_months: number }
  watch_cycle_months: number
  flag_pools: FlagPoolRule[]
}
export interface MappingRule {
  code_prefix: string
  group: string
  group_name?: string
  industry_name?: string | null
}
export interface DisposalPatch {
  measure?: string
  responsible_unit?: string
  due?: string | null
  status?: string
  completed_on?: string | null
  note?: string
}

export const enterprisesApi = {
  parkFields: (parkId: number) => api.get<ListResponse<ReportField>>(`${p(parkId)}/report-fields`),
  saveParkFields: (parkId: number, fields: ReportField[]) => api.put<ListResponse<ReportField>>(`${p(parkId)}/report-fields`, { fields }),
  reportSettings: (parkId: number) => api.get<{ deadline_day: number }>(`${p(parkId)}/report-settings`),
  saveReportSettings: (parkId: number, deadline_day: number) => api.put<{ deadline_day: number }>(`${p(parkId)}/report-settings`, { deadline_day }),
  poolRules: (parkId: number) => api.get<PoolRules>(`${p(parkId)}/cultivation/rules`),
  savePoolRules: (parkId: number, rules: PoolRules) => api.put<PoolRules>(`${p(parkId)}/cultivation/rules`, rules),
  mapping: (parkId: number) => api.get<ListResponse<MappingRule>>(`${p(parkId)}/leading-group-mapping`),
  saveMapping: (parkId: number, rules: MappingRule[]) => api.put<ListResponse<MappingRule>>(`${p(parkId)}/leading-group-mapping`, { rules }),
  updateDisposal: (id: number, body: DisposalPatch) => api.patch<Disposal>(`/api/v1/disposals/${id}`, body),
  zombieSettings: (parkId: number) => api.get<{ months: number }>(`${p(parkId)}/zombie-settings`),
  saveZombieSettings: (parkId: number, months: number) => api.put<{ months: number }>(`${p(parkId)}/zombie-settings`, { months }),

  list: (q: Query) => api.get<ListResponse<Enterprise>>('/api/v1/enterprises', q),
  get: (id: number) => api.get<Enterprise>(e(id)),
  create: (body: NewEnterprise) => api.post<Enterprise>('/api/v1/enterprises', body),
  update: (id: number, body: Partial<Enterprise> & { reason?: string }) => api.patch<Enterprise>(e(id), body),
  fields: () => api.get<ListResponse<ReportField>>('/api/v1/report-fields'),
  queue: (id: number) => api.get<ListResponse<QueueEntry>>(`${e(id)}/report-queue`),
  reports: (id: number, from: string, to: string) => api.get<ListResponse<ReportRow>>(`${e(id)}/reports`, { from, to }),
  revisions: (id: number, period?: string) => api.get<ListResponse<Revision>>(`${e(id)}/revisions`, { period }),
  report: (id: number, period: string) => api.get<ReportView>(r(id, period)),
  save: (id: number, period: string, values: Values, explanations: Record<string, string>) =>
    api.put<ReportView>(r(id, period), { values, explanations }),
  submit: (id: number, period: string) => api.post<ReportView>(`${r(id, period)}/submit`),
  review: (id: number, period: string, decision: 'approve' | 'return', reason = '') =>
    api.post<ReportView>(`${r(id, period)}/review`, { decision, reason }),
  reviewQueue: (parkId: number) => api.get<ListResponse<ReviewItem>>(`${p(parkId)}/review-queue`),
  reportingStatus: (parkId: number, period: string) => api.get<ReportingStatus>(`${p(parkId)}/reporting-status`, { period }),
  breakdown: (parkId: number, field: string, year: number) => api.get<Breakdown>(`${p(parkId)}/enterprise-breakdown`, { field, year }),
  movement: (parkId: number, field: string, period: string) => api.get<Movement>(`${p(parkId)}/enterprise-movement`, { field, period }),
  totals: (parkId: number, field: string, year: number) => api.get<Totals>(`${p(parkId)}/enterprise-totals`, { field, year }),
  cultivation: (parkId: number) => api.get<Cultivation>(`${p(parkId)}/cultivation`),
  accept: (parkId: number, pool: string, enterpriseId: number) =>
    api.post<{ id: number }>(`${p(parkId)}/cultivation/${pool}/members`, { enterprise_id: enterpriseId }),
  zombies: (parkId: number) => api.get<ListResponse<ZombieRow> & { months: number }>(`${p(parkId)}/zombies`),
}

export interface ImportReport {
  rows: number
  imported: number
  /** Of the imported, reports that existed and were replaced (other fields kept, revisions written). */
  replaced: number
  warnings: number
  /** row = the data row (first data row = 1, header = 0); null = the whole file (from error details). */
  errors: { row: number | null; column: string; message: string }[]
  truncated: boolean
}

/** Uploads a CSV or XLSX of monthly reports as it is (not JSON). Resolves with the row report, also
 * on a 422 (a refusal without a row list, e.g. an unreadable file, becomes one from its details). */
export async function importReports(parkId: number, file: Blob | string, csrf: string | null, approve = false): Promise<ImportReport> {
  const res = await fetch(`/api/v1/parks/${parkId}/report-imports${approve ? '?approve=1' : ''}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrf ?? '', Accept: 'application/json', ...languageHeaders() },
    body: file,
  })
  const body = await res.json().catch(() => null)
  if (res.ok || (res.status === 422 && body && Array.isArray(body.errors))) return { replaced: 0, ...body } as ImportReport
  const err = toApiError(res.status, body, res.statusText)
  if (res.status === 422 && err.details.length)
    return { rows: 0, imported: 0, replaced: 0, warnings: 0, errors: importErrorRows(err.details), truncated: false }
  throw err
}

export const reportExportUrl = (parkId: number, from: string, to: string) =>
  `/api/v1/parks/${parkId}/report-export?from=${from}&to=${to}&format=xlsx`

/** The registry as XLSX, with the list's filters (a server export). */
export const enterpriseExportUrl = (q: Query) => buildUrl('/api/v1/enterprise-export', { ...q, format: 'xlsx' })
