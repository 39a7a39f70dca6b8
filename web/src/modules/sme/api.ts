// SME park (中小企业创业园, issue 16): space and occupancy, leases, bills, repairs.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from '@/api/client'
import { useAuthStore } from '@/stores/auth'

export type UnitStatus = 'vacant' | 'leased' | 'self_use' | 'repair'

export interface Building {
  id: number
  park_id: number
  sub_park_id: number | null
  operator_unit_id: number | null
  operator: string
  name: string
  kind: 'standard_factory' | 'incubator' | 'office'
  floors: number
  units: number
  area: number
  leased_area: number
  vacant_area: number
  occupancy_pct: number
  is_demo: boolean
}
export interface Occupancy {
  buildings: Building[]
  area: number
  leased_area: number
  vacant_area: number
  occupancy_pct: number
  as_of: string
}
export interface Unit {
  id: number
  building_id: number
  floor: number
  position: number
  code: string
  use_kind: string
  area: number
  rent_standard: number
  status: UnitStatus
  lease_id: number | null
  tenant: string
  is_demo: boolean
}
export interface Lease {
  id: number
  park_id: number
  unit_id: number
  unit_code: string
  building_id: number
  building: string
  area: number
  enterprise_id: number
  enterprise: string
  start_on: string
  end_on: string
  ended_on: string | null
  end_kind: string | null
  monthly_rent: number
  property_fee: number
  deposit: number
  free_months: number
  relief_pct: number
  relief_years: number
  incubatee: boolean
  graduated_on: string | null
  graduation_kind: string | null
  renewals: number
  status: 'active' | 'upcoming' | 'expired' | 'early_end' | 'move_out'
  expiry_window: 30 | 60 | 90 | null
  is_demo: boolean
}
export interface NewLease {
  unit_id: number
  enterprise_id: number | null
  start_on: string
  end_on: string
  monthly_rent: number
  property_fee: number
  deposit: number
  free_months: number
  relief_pct: number
  relief_years: number
  incubatee: boolean
}
export interface Bill {
  id: number
  lease_id: number
  enterprise_id: number
  enterprise: string
  unit_code: string
  building: string
  period: string
  due_on: string
  rent: number
  property_fee: number
  utilities: number
  amount: number
  paid: number
  owed: number
  days_overdue?: number
  is_demo: boolean
}
export interface Arrears {
  as_of: string
  d1_30: number
  d31_90: number
  d91_180: number
  over_180: number
  total: number
  bills: Bill[]
}
export interface Income {
  year: number
  billed: number
  collected: number
  collection_pct: number
  months: { period: string; billed: number; collected: number }[]
}
export interface Repair {
  id: number
  unit_id: number
  unit_code: string
  building: string
  enterprise_id: number | null
  enterprise: string
  title: string
  description: string
  status: 'open' | 'assigned' | 'closed'
  assignee: string
  result: string
  reported_by: string
  reported_at: string
  closed_at: string | null
  is_demo: boolean
}

export interface Photo {
  id: number
  repair_id: number
  filename: string
  content_type: string
  size: number
  created_by: string
  created_at: string
  url: string
}

export interface FinancingNeed {
  id: number
  enterprise_id: number
  enterprise: string
  chain: string
  amount: number
  term_months: number
  purpose: string
  collateral: string
  channel: string
  status: 'open' | 'matched' | 'granted' | 'declined'
  bank: string
  matched_on: string | null
  loan_amount: number | null
  loan_on: string | null
  note: string
  is_demo: boolean
}
export interface FinancingGroup { key: string; needs: number; amount: number; granted: number; granted_needs: number }
export interface FinancingTotals { all: FinancingGroup; by_bank: FinancingGroup[]; by_chain: FinancingGroup[] }

export interface Refurbishment {
  id: number
  building_id: number
  building: string
  title: string
  status: 'planned' | 'in_progress' | 'done'
  start_on: string
  end_on: string
  note: string
  budget: number
  spent: number
  progress_pct: number
  is_demo: boolean
}
export type RefurbishmentInput = Pick<Refurbishment, 'title' | 'status' | 'start_on' | 'end_on' | 'note' | 'budget' | 'spent' | 'progress_pct'>

const p = (parkId: number) => `/api/v1/parks/${parkId}`

export const smeApi = {
  occupancy: (parkId: number) => api.get<Occupancy>(`${p(parkId)}/occupancy`),
  floorPlan: (buildingId: number) => api.get<{ building: Building; units: Unit[] }>(`/api/v1/sme-buildings/${buildingId}/floor-plan`),
  setUnitStatus: (unitId: number, status: string) => api.patch<void>(`/api/v1/sme-units/${unitId}`, { status }),
  leases: (parkId: number, status?: string) => api.get<ListResponse<Lease>>(`${p(parkId)}/leases`, { status }),
  expiring: (parkId: number) => api.get<ListResponse<Lease>>(`${p(parkId)}/expiring-leases`),
  createLease: (body: NewLease) => api.post<Lease>('/api/v1/leases', body),
  endLease: (id: number, kind: string, ended_on: string) => api.post<Lease>(`/api/v1/leases/${id}/end`, { kind, ended_on }),
  renewLease: (id: number, end_on: string, monthly_rent?: number | null) =>
    api.post<Lease>(`/api/v1/leases/${id}/renew`, monthly_rent == null ? { end_on } : { end_on, monthly_rent }),
  graduate: (id: number, kind: string, graduated_on: string) => api.post<Lease>(`/api/v1/leases/${id}/graduate`, { kind, graduated_on }),
  rentRollUrl: (parkId: number) => buildUrl(`${p(parkId)}/leases.xlsx`),
  bills: (parkId: number, period?: string) => api.get<ListResponse<Bill>>(`${p(parkId)}/sme-bills`, { period: period || undefined }),
  billsUrl: (parkId: number, period?: string) => buildUrl(`${p(parkId)}/sme-bills.xlsx`, { period: period || undefined }),
  generateBills: (parkId: number, period: string) => api.post<{ period: string; created: number }>(`${p(parkId)}/sme-bills/generate`, { period }),
  pay: (billId: number, amount: number, paid_on: string) => api.post<Bill>(`/api/v1/sme-bills/${billId}/payments`, { amount, paid_on }),
  arrears: (parkId: number) => api.get<Arrears>(`${p(parkId)}/sme-arrears`),
  income: (parkId: number, year: number) => api.get<Income>(`${p(parkId)}/sme-income/${year}`),
  repairs: (parkId: number) => api.get<ListResponse<Repair>>(`${p(parkId)}/sme-repairs`),
  repairsUrl: (parkId: number) => buildUrl(`${p(parkId)}/sme-repairs.xlsx`),
  createRepair: (unit_id: number, title: string, description: string) => api.post<Repair>('/api/v1/sme-repairs', { unit_id, title, description }),
  assignRepair: (id: number, assignee: string) => api.post<Repair>(`/api/v1/sme-repairs/${id}/assign`, { assignee }),
  closeRepair: (id: number, result: string) => api.post<Repair>(`/api/v1/sme-repairs/${id}/close`, { result }),
  refurbishments: (parkId: number) => api.get<ListResponse<Refurbishment>>(`${p(parkId)}/sme-refurbishments`),
  refurbishmentsUrl: (parkId: number) => buildUrl(`${p(parkId)}/sme-refurbishments.xlsx`),
  createRefurbishment: (buildingId: number, body: RefurbishmentInput) => api.post<Refurbishment>(`/api/v1/sme-buildings/${buildingId}/refurbishments`, body),
  updateRefurbishment: (id: number, body: RefurbishmentInput) => api.put<Refurbishment>(`/api/v1/sme-refurbishments/${id}`, body),
  needs: (parkId: number) => api.get<ListResponse<FinancingNeed>>(`${p(parkId)}/financing-needs`),
  needsUrl: (parkId: number) => buildUrl(`${p(parkId)}/financing-needs.xlsx`),
  needTotals: (parkId: number) => api.get<FinancingTotals>(`${p(parkId)}/financing-totals`),
  postNeed: (body: { amount: number; term_months: number; purpose: string; collateral: string; channel: string; enterprise_id?: number | null }) =>
    api.post<FinancingNeed>('/api/v1/financing-needs', body),
  moveNeed: (id: number, body: { status: string; bank?: string; loan_amount?: number | null; on?: string; note?: string }) =>
    api.post<FinancingNeed>(`/api/v1/financing-needs/${id}/status`, body),
  photos: (id: number) => api.get<ListResponse<Photo>>(`/api/v1/sme-repairs/${id}/photos`),
  /** Uploads a PNG/JPG photo of a ticket (raw body, at most 10 MiB); 422 names the file's problem. */
  uploadPhoto: async (id: number, file: File): Promise<Photo> => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream', ...languageHeaders() }
    const csrf = useAuthStore().csrfToken
    if (csrf) headers['X-CSRF-Token'] = csrf
    const url = buildUrl(`/api/v1/sme-repairs/${id}/photos`, { filename: file.name })
    const res = await fetch(url, { method: 'POST', headers, body: file, credentials: 'same-origin' })
    const body = await res.json().catch(() => null)
    if (!res.ok) throw toApiError(res.status, body, res.statusText)
    return body as Photo
  },
}
