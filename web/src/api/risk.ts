// Risk profiles, emergency resources, energy and emission accounts (issue 14 items 3-5).
import { api, buildUrl, type ListResponse } from './client'

export type ProfileKind = 'chemical' | 'hazard_source' | 'permit' | 'accident' | 'penalty' | 'ent_plan' | 'ent_drill'
export type EmergencyKind = 'team' | 'store' | 'equipment' | 'plan' | 'drill'
export type RiskKind = ProfileKind | EmergencyKind
export const PROFILE_KINDS: ProfileKind[] = ['chemical', 'hazard_source', 'permit', 'accident', 'penalty', 'ent_plan', 'ent_drill']
export const EMERGENCY_KINDS: EmergencyKind[] = ['team', 'store', 'equipment', 'plan', 'drill']

export interface RiskItem {
  id: number
  park_id: number
  enterprise_id: number | null
  enterprise_name: string
  kind: RiskKind
  kind_name: string
  name: string
  quantity: number | null
  unit: string
  level: string
  location: string
  contact_name: string
  contact_phone: string
  event_date: string | null
  expiry_date: string | null
  revised_on: string | null
  amount: number | null
  veto: boolean
  note: string
  is_demo: boolean
  expiry_state: '' | 'valid' | 'expiring' | 'expired'
  days_to_expiry: number | null
  revision_due: boolean
  updated_at: string
}
export type RiskItemInput = Partial<Omit<RiskItem, 'id' | 'park_id' | 'kind_name' | 'is_demo' | 'expiry_state' | 'days_to_expiry' | 'revision_due' | 'updated_at' | 'enterprise_name'>>

export interface ProfileRow {
  enterprise_id: number
  enterprise_name: string
  park_id: number
  state: 'draft' | 'submitted' | 'approved' | 'returned'
  review_note: string
  chemicals: number
  hazard_sources: number
  major_sources: number
  permits: number
  permits_expiring: number
  permits_expired: number
  accidents: number
  penalties: number
  vetoes: number
  plans: number
  drills: number
  last_drill: string | null
}

export interface VetoRow { enterprise_id: number; enterprise_name: string; reason: string; status: 'pending' | 'applied' | 'already' | 'no_input'; current_reason: string | null }

export interface EnergyFactor { code: string; name: string; unit: string; tce_per_unit: number; basis: string }
export interface Factors { standard: string; items: EnergyFactor[]; pollutants: { code: string; name: string }[] }

export interface EnergyAccount {
  enterprise_id: number
  enterprise_name: string
  year: number
  energy: Record<string, number>
  emissions: Record<string, number>
  energy_tce: number
  emissions_t: number
  value_added: number | null
  reported_tce: number | null
  intensity: number | null
  open_retrofits: number
  is_demo: boolean
}

export interface EnergySummary {
  year: number
  enterprises: number
  energy_tce: number
  reported_tce: number
  tce_by_kind: Record<string, number>
  emissions_t: number
  emissions_by_pollutant: Record<string, number>
  value_added: number
  intensity: number | null
  emission_intensity: number | null
  targets: { energy_cap_tce: number | null; intensity_target: number | null; emissions_cap_t: number | null }
  energy_cap_used_pct: number | null
  intensity_vs_target_pct: number | null
  emissions_cap_used_pct: number | null
  energy_over: boolean
  intensity_over: boolean
  emissions_over: boolean
}

export interface Retrofit {
  id: number
  enterprise_id: number
  enterprise_name: string
  kind: 'elimination' | 'clean_production'
  name: string
  status: 'flagged' | 'in_progress' | 'completed' | 'cancelled'
  investment: number | null
  saving_tce: number | null
  deadline: string | null
  completed_on: string | null
  overdue: boolean
  note: string
  is_demo: boolean
}
export type RetrofitInput = Partial<Omit<Retrofit, 'id' | 'enterprise_name' | 'overdue' | 'is_demo'>>

export const riskApi = {
  items: (parkId: number, query: { kind?: string; enterprise_id?: number } = {}) =>
    api.get<ListResponse<RiskItem>>(`/api/v1/parks/${parkId}/risk-items`, query),
  itemsXlsxUrl: (parkId: number, query: { kind?: string; enterprise_id?: number } = {}) =>
    buildUrl(`/api/v1/parks/${parkId}/risk-items.xlsx`, query),
  createItem: (parkId: number, body: RiskItemInput) => api.post<RiskItem>(`/api/v1/parks/${parkId}/risk-items`, body),
  updateItem: (id: number, body: RiskItemInput) => api.put<RiskItem>(`/api/v1/risk-items/${id}`, body),
  deleteItem: (id: number) => api.del(`/api/v1/risk-items/${id}`),
  profiles: (parkId: number) => api.get<ListResponse<ProfileRow>>(`/api/v1/parks/${parkId}/risk-profiles`),
  profilesXlsxUrl: (parkId: number) => buildUrl(`/api/v1/parks/${parkId}/risk-profiles.xlsx`),
  submit: (enterpriseId: number) => api.post<ProfileRow>(`/api/v1/enterprises/${enterpriseId}/risk-profile/submit`, {}),
  review: (enterpriseId: number, result: 'approved' | 'returned', note: string) =>
    api.post<ProfileRow>(`/api/v1/enterprises/${enterpriseId}/risk-profile/review`, { result, note }),
  vetoes: (parkId: number, year: number) => api.get<ListResponse<VetoRow>>(`/api/v1/parks/${parkId}/risk-vetoes`, { year }),
  applyVetoes: (parkId: number, year: number) =>
    api.post<{ applied: number; items: VetoRow[] }>(`/api/v1/parks/${parkId}/risk-vetoes/apply`, { year }),
}

export const energyApi = {
  factors: () => api.get<Factors>('/api/v1/energy-factors'),
  accounts: (parkId: number, year: number) => api.get<ListResponse<EnergyAccount>>(`/api/v1/parks/${parkId}/energy-accounts`, { year }),
  accountsXlsxUrl: (parkId: number, year: number) => buildUrl(`/api/v1/parks/${parkId}/energy-accounts.xlsx`, { year }),
  putAccount: (enterpriseId: number, year: number, body: { energy: Record<string, number>; emissions: Record<string, number> }) =>
    api.put<EnergyAccount>(`/api/v1/enterprises/${enterpriseId}/energy-accounts/${year}`, body),
  summary: (parkId: number, year: number) => api.get<EnergySummary>(`/api/v1/parks/${parkId}/energy-summary`, { year }),
  putTargets: (parkId: number, year: number, body: EnergySummary['targets']) =>
    api.put(`/api/v1/parks/${parkId}/energy-targets/${year}`, body),
  retrofits: (parkId: number) => api.get<ListResponse<Retrofit>>(`/api/v1/parks/${parkId}/retrofits`),
  retrofitsXlsxUrl: (parkId: number) => buildUrl(`/api/v1/parks/${parkId}/retrofits.xlsx`),
  createRetrofit: (parkId: number, body: RetrofitInput) => api.post<Retrofit>(`/api/v1/parks/${parkId}/retrofits`, body),
  updateRetrofit: (id: number, body: RetrofitInput) => api.put<Retrofit>(`/api/v1/retrofits/${id}`, body),
}
