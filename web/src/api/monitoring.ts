// Economic-operation monitoring (issue 3): mirrors the routes of src/http/routes.cc "-- monitoring --".
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from './client'

export type Series12 = (number | null)[]
export type ProgressStatus = 'none' | 'green' | 'yellow' | 'red'
export type MonthStateName = 'not_started' | 'draft' | 'submitted' | 'approved' | 'returned'
export type Basis = 'all' | 'approved'

export interface Indicator {
  code: string
  name: string
  name_zh: string
  name_en: string
  unit: string
  kind: 'flow' | 'stock'
  higher_is_better: boolean
  decimals: number
}

export interface MonitoringRow extends Indicator {
  source: string
  month: number | null
  month_last_year: number | null
  ytd: number | null
  ytd_complete: boolean
  ytd_last_year: number | null
  yoy_pct: number | null
  month_yoy_pct: number | null
  target: number | null
  completion_pct: number | null
  time_progress: number
  gap: number | null
  status: ProgressStatus
  status_zh: string
  /** Status of completion against 序时进度 alone. */
  completion_status?: ProgressStatus
  /** 增长目标 % (null when none). */
  growth_target_pct?: number | null
  /** 同比 meets the growth target (null when either is unknown or a month is missing). */
  growth_met?: boolean | null
  growth_gap?: number | null
  growth_status?: ProgressStatus
  /** Conditions that hold the status back. */
  failing?: ('completion' | 'growth')[]
  /** Months of 1..m with no figure (flows). */
  missing_months?: number[]
  projected_year_end: number | null
  required_monthly_avg: number | null
  series?: { this_year: Series12; last_year: Series12 }
}

export interface MonitoringTable {
  period: string
  time_progress: number
  kind: 'park' | 'region'
  park_id?: number
  region_id?: number
  name: string
  is_demo: boolean
  basis: Basis
  state: MonthStateName
  park_ids: number[]
  indicators: MonitoringRow[]
}

export interface SubParkRow {
  code: string
  month: number | null
  ytd: number | null
  ytd_last_year: number | null
  yoy_pct: number | null
  target: number | null
  completion_pct: number | null
  gap: number | null
  status: ProgressStatus
}

export interface SubPark {
  park_id: number
  name: string
  state: MonthStateName
  indicators: SubParkRow[]
}

export interface MonitoringWarning {
  kind: 'indicator_red' | 'indicator_yellow' | 'not_submitted' | 'sudden_swing'
  indicator_code: string
  period: string
  severity: 'low' | 'medium' | 'high'
  message: string
  responsible_unit: string
  park_id: number
  park_name: string
}

export interface Dashboard extends MonitoringTable {
  sub_parks: SubPark[]
  warnings: MonitoringWarning[]
}

export interface MonthState {
  period: string
  state: MonthStateName
  state_zh: string
  submitted_at: string | null
  submitted_by: string | null
  approved_at: string | null
  approved_by: string | null
  reason: string | null
}

export interface GridIndicator extends Indicator {
  values: Series12
  cumulative: Series12
  source: string
}

export interface YearGrid {
  park_id: number
  year: number
  months: MonthState[]
  indicators: GridIndicator[]
}

export interface ValueEntry {
  period: string
  mode: 'month' | 'cumulative'
  values: Record<string, number | null>
  reason?: string
}

export interface TargetItem {
  code: string
  name: string
  name_en: string
  unit: string
  target: number | null
  growth_pct: number | null
  base: number | null
  effective: number | null
}

export interface TargetsView {
  year: number
  park_id: number
  items: TargetItem[]
}

export type TargetsBody = Record<string, { target: number | null; growth_pct: number | null; base: number | null }>

export interface HistoryItem {
  id: number
  period: string
  code: string
  old_value: number | null
  new_value: number | null
  entered: number | null
  mode: string
  at: string
  username: string
  reason: string
}

export interface MonitoringSettings {
  yellow_band: number
  deadline_day: number
  swing_threshold_pct: number
  include_yellow: boolean
  default_unit: string
  sources: Record<string, string>
  responsible_units: Record<string, string>
}

export type MonthAction = 'submit' | 'approve' | 'return' | 'unlock'

/** Uploads an XLSX/CSV of monthly figures (raw body); errors become ApiError with rows[N].column fields. */
export async function importValues(parkId: number, file: Blob, mode: 'month' | 'cumulative', csrf: string | null): Promise<{ months: number; values: number }> {
  const res = await fetch(buildUrl(`/api/v1/parks/${parkId}/indicator-values/import`, { mode }), {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', ...languageHeaders(), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: file,
    credentials: 'same-origin',
  })
  const text = await res.text()
  const body = text ? JSON.parse(text) : null
  if (!res.ok) throw toApiError(res.status, body, res.statusText)
  return body
}

export const monitoringApi = {
  indicators: () => api.get<ListResponse<Indicator>>('/api/v1/indicators'),
  createIndicator: (i: Indicator) => api.post<Indicator>('/api/v1/indicators', i),
  updateIndicator: (i: Indicator) => api.put<Indicator>(`/api/v1/indicators/${i.code}`, i),
  targets: (parkId: number, year: number) => api.get<TargetsView>(`/api/v1/parks/${parkId}/targets/${year}`),
  putTargets: (parkId: number, year: number, body: TargetsBody) =>
    api.put<TargetsView>(`/api/v1/parks/${parkId}/targets/${year}`, body),
  year: (parkId: number, year: number) => api.get<YearGrid>(`/api/v1/parks/${parkId}/indicator-values`, { year }),
  putValues: (parkId: number, e: ValueEntry) => api.put<YearGrid>(`/api/v1/parks/${parkId}/indicator-values`, e),
  history: (parkId: number, q: { period?: string; indicator?: string; page?: number; page_size?: number }) =>
    api.get<ListResponse<HistoryItem>>(`/api/v1/parks/${parkId}/indicator-values/history`, q),
  act: (parkId: number, period: string, action: MonthAction, reason = '') =>
    api.post<MonthState>(`/api/v1/parks/${parkId}/monitoring/months/${period}/${action}`, { reason }),
  settings: (parkId: number) => api.get<MonitoringSettings>(`/api/v1/parks/${parkId}/monitoring/settings`),
  putSettings: (parkId: number, s: Partial<MonitoringSettings>) => api.put<MonitoringSettings>(`/api/v1/parks/${parkId}/monitoring/settings`, s),
  latest: (parkId: number) => api.get<{ park_id: number; period: string | null }>(`/api/v1/parks/${parkId}/monitoring/latest`),
  parkDashboard: (parkId: number, period: string, basis: Basis = 'all') =>
    api.get<Dashboard>(`/api/v1/parks/${parkId}/dashboard`, { period, basis }),
  regionDashboard: (regionId: number, period: string, basis: Basis = 'all') =>
    api.get<Dashboard>(`/api/v1/regions/${regionId}/dashboard`, { period, basis }),
  xlsxUrl: (kind: 'park' | 'region', id: number, period: string, basis: Basis = 'all') =>
    buildUrl(`/api/v1/${kind === 'park' ? 'parks' : 'regions'}/${id}/monitoring.xlsx`, { period, basis }),
}
