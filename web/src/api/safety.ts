// Safety and environment (issue 14, items 1 and 2): shared facilities with operating records and
// warnings, inspections and hidden hazards (隐患排查治理).
import { api, buildUrl, type ListResponse } from './client'

export type HazardLevel = 'general' | 'major'
export type HazardState = 'open' | 'rectified' | 'closed' | 'reopened'

export interface Hazard {
  id: number
  park_id: number
  inspection_id: number | null
  enterprise_id: number | null
  enterprise_name: string | null
  facility_id: number | null
  facility_name: string | null
  responsible: string
  level: HazardLevel
  category: string
  description: string
  measures: string
  deadline: string
  state: HazardState
  overdue: boolean
  days_left: number
  found_on: string
  found_by: string
  rectified_at: string | null
  rectify_text: string
  recheck_comment: string
  closed_on: string | null
  reopen_count: number
  supervision_id: number | null
  is_demo: boolean
}

export interface HazardCount { found: number; closed: number; overdue: number; closure_pct: number }
export interface HazardStats extends HazardCount {
  year: number
  by_level: Record<HazardLevel, HazardCount>
  by_enterprise: (HazardCount & { enterprise: string | null })[]
  by_category: (HazardCount & { category: string })[]
  by_month: (HazardCount & { period: string })[]
}

export interface HazardInput {
  level: HazardLevel | ''
  description: string
  deadline: string
  measures?: string
  category?: string
}

export interface Inspection {
  id: number
  park_id: number
  inspected_on: string
  inspector: string
  place: string
  enterprise_id: number | null
  enterprise_name: string | null
  facility_id: number | null
  facility_name: string | null
  checklist: string
  provider: string
  notes: string
  hazard_count: number
  status: 'planned' | 'done'
  plan_overdue: boolean
  is_demo: boolean
}

export interface InspectionInput {
  park_id: number
  inspected_on: string
  inspector: string
  place?: string
  enterprise_id?: number | null
  facility_id?: number | null
  checklist?: string
  provider?: string
  hazards: HazardInput[]
  planned?: boolean
}

export type LimitState = 'none' | 'ok' | 'near' | 'over'
export type PermitState = 'none' | 'ok' | 'expiring' | 'expired'

export interface FacilityRecord {
  id: number
  recorded_on: string
  load: number
  discharge: number | null
  load_pct: number | null
  load_state: LimitState
  discharge_pct: number | null
  discharge_state: LimitState
  note: string
}

export interface Facility {
  id: number
  park_id: number
  name: string
  kind: string
  operator: string
  unit: string
  capacity: number | null
  discharge_limit: number | null
  permit_no: string
  permit_expiry: string | null
  permit_days_left: number | null
  permit_state: PermitState
  warn_pct: number
  permit_warn_days: number
  latest: FacilityRecord | null
  load_pct: number | null
  load_state: LimitState
  discharge_pct: number | null
  discharge_state: LimitState
  is_demo: boolean
}

export interface FacilityWarning { facility_id: number; facility: string; kind: string; level: string; message: string }

type Q = Record<string, string | number | boolean | undefined>

export const safetyApi = {
  hazards: (q: Q = {}) => api.get<ListResponse<Hazard>>('/api/v1/hazards', q),
  createHazard: (body: Record<string, unknown>) => api.post<Hazard>('/api/v1/hazards', body),
  rectify: (id: number, text: string) => api.post<Hazard>(`/api/v1/hazards/${id}/rectify`, { text }),
  recheck: (id: number, result: 'closed' | 'reopened', comment: string) =>
    api.post<Hazard>(`/api/v1/hazards/${id}/recheck`, { result, comment }),
  escalate: (id: number, units: string[]) => api.post<Hazard>(`/api/v1/hazards/${id}/escalate`, { units }),
  stats: (parkId: number, year: number) => api.get<HazardStats>(`/api/v1/parks/${parkId}/hazard-stats`, { year }),
  inspections: (q: Q = {}) => api.get<ListResponse<Inspection>>('/api/v1/inspections', q),
  createInspection: (body: InspectionInput) => api.post<Inspection>('/api/v1/inspections', body),
  completeInspection: (id: number, body: Omit<InspectionInput, 'park_id'>) =>
    api.post<Inspection>(`/api/v1/inspections/${id}/complete`, body),
  facilities: (parkId: number) => api.get<ListResponse<Facility>>(`/api/v1/parks/${parkId}/facilities`),
  createFacility: (parkId: number, body: Record<string, unknown>) => api.post<Facility>(`/api/v1/parks/${parkId}/facilities`, body),
  warnings: (parkId: number) => api.get<ListResponse<FacilityWarning>>(`/api/v1/parks/${parkId}/facility-warnings`),
  records: (id: number) => api.get<ListResponse<FacilityRecord>>(`/api/v1/facilities/${id}/records`),
  addRecord: (id: number, body: Record<string, unknown>) => api.post<FacilityRecord>(`/api/v1/facilities/${id}/records`, body),
}

export const hazardExportUrl = (parkId?: number) => buildUrl('/api/v1/hazard-export', parkId ? { park_id: parkId } : {})
export const inspectionExportUrl = (parkId?: number) => buildUrl('/api/v1/inspection-export', parkId ? { park_id: parkId } : {})
export const facilityExportUrl = (parkId: number) => `/api/v1/parks/${parkId}/facility-export`
export const recordsExportUrl = (facilityId: number) => `/api/v1/facilities/${facilityId}/records/export`
