// Land (issue 6): parcels, the parcel map, 标准地 contracts, inefficient land, rules, disposals.
import { api, buildUrl, type ListResponse, type Query } from './client'

export const KINDS = [
  'approved_not_supplied',
  'supplied_not_used',
  'used_not_fully',
  'built_not_producing',
  'producing_below_standard',
] as const
export type Kind = (typeof KINDS)[number]
export const STAGES = ['planned', 'approved', 'supplied', 'under_construction', 'halted', 'completed', 'producing'] as const
export type Stage = (typeof STAGES)[number]
export const STANDARD_STATUSES = ['none', 'pending', 'passed', 'failed'] as const
export type StandardStatus = (typeof STANDARD_STATUSES)[number]
/** The catalogue indicators a 标准地 contract may agree (evaluation/indicator.h in_standard_land). */
export const STANDARD_INDICATORS = [
  'investment_intensity', 'floor_area_ratio', 'building_coverage', 'tax_per_mu', 'value_added_per_mu',
  'revenue_per_mu', 'value_added_per_energy', 'value_added_per_emission', 'rnd_intensity',
] as const
export const METHODS = ['reclaim', 'transfer', 'joint_development', 'rectify', 'idle_fee', 'other'] as const
export const DISPOSAL_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: number[][][] | number[][][][]
}

export interface AreaCheck {
  recorded_m2: number
  computed_m2: number
  difference_m2: number
  relative: number
  within_tolerance: boolean
}

export interface Parcel {
  id: number
  park_id: number
  code: string
  name: string
  area_mu: number
  area_m2: number
  land_use: string
  holder_enterprise_id: number | null
  holder_name: string
  project_id: number | null
  approved: string | null
  supplied: string | null
  supply_kind: 'transfer' | 'allocation' | null
  agreed_start: string | null
  actual_start: string | null
  agreed_completion: string | null
  completed: string | null
  agreed_production: string | null
  production: string | null
  halted_since: string | null
  floor_area_m2: number | null
  footprint_m2: number | null
  developed_area_m2: number | null
  invested: number | null
  total_investment: number | null
  land_price: number | null
  floor_area_ratio: number | null
  building_coverage: number | null
  investment_intensity: number | null
  crs: 'lonlat' | 'projected'
  has_geometry: boolean
  geometry_area_m2: number | null
  area_check: AreaCheck | null
  stage: Stage
  standard_status: StandardStatus
  inefficiency_kinds: Kind[]
  note: string
  is_demo: boolean
  geometry?: Geometry | null
}

export interface ParcelQuery {
  page?: number
  page_size?: number
  q?: string
  sub_park_id?: number | null
  land_use?: string
  stage?: string
  standard_status?: string
  kind?: string
  date?: string
  all?: number
}

export interface ParcelList extends ListResponse<Parcel> {
  total_area_mu: number
}

export interface MapFeature {
  type: 'Feature'
  id: number
  properties: Parcel
  geometry: Geometry
}
export interface LandMap {
  type: 'FeatureCollection'
  date: string
  crs: 'lonlat' | 'projected'
  features: MapFeature[]
}

export interface ContractIndicator {
  code: string
  name: string
  unit: string
  agreed: number
  actual: number | null
  actual_used: number | null
  computed: boolean
  passed: boolean | null
  missing: boolean
  reason: string
}
export interface Contract {
  id: number
  parcel_id: number
  contract_no: string
  signed_on: string | null
  agreed_start: string | null
  agreed_completion: string | null
  agreed_production: string | null
  production_check: string | null
  checked_on: string | null
  note: string
  indicators: ContractIndicator[]
  check: { passed: boolean; failed: number }
  status: StandardStatus
}

export interface Consequence {
  code: string
  text: string
  from: string
  reached: boolean
  amount: number | null
}
export interface Disposal {
  id: number
  park_id: number
  parcel_id: number
  kind: Kind
  method: string
  unit: string
  deadline: string | null
  status: string
  overdue: boolean
  completed_on: string | null
  audited: boolean
  audited_by: string | null
  audited_at: string | null
  note: string
}
export interface Finding {
  parcel_id: number
  parcel_code: string
  parcel_name?: string
  holder_name?: string
  holder_enterprise_id?: number | null
  park_id?: number
  kind: Kind
  kind_name: string
  area_mu: number
  rules: string[]
  reasons: string[]
  facts: Record<string, number | string>
  consequences: Consequence[]
  disposals: Disposal[]
}
export interface InefficientLand {
  park_id: number
  date: string
  items: Finding[]
  total: number
  totals_mu: Record<Kind, number>
  total_distinct_mu: number
  gaps: { parcel_id: number; parcel_code: string; rule: string; message: string }[]
  rules: Record<string, number | null>
}

export type Rules = Record<string, number | null>

export interface EvaluationItem {
  enterprise_id: number
  class: string
}

export const landApi = {
  parcels: (parkId: number, q: ParcelQuery = {}) => api.get<ParcelList>(`/api/v1/parks/${parkId}/parcels`, { ...q }),
  parcelsExportUrl: (parkId: number, q: Query) => buildUrl(`/api/v1/parks/${parkId}/parcels/export`, q),
  inefficientExportUrl: (parkId: number, date: string, format: 'xlsx' | 'csv') =>
    buildUrl(`/api/v1/parks/${parkId}/inefficient-land/export`, { date, format }),
  parcel: (id: number) => api.get<Parcel>(`/api/v1/parcels/${id}`),
  createParcel: (parkId: number, body: Partial<Parcel>) => api.post<Parcel>(`/api/v1/parks/${parkId}/parcels`, body),
  updateParcel: (id: number, body: Record<string, unknown>) => api.patch<Parcel>(`/api/v1/parcels/${id}`, body),
  deleteParcel: (id: number) => api.del(`/api/v1/parcels/${id}`),
  importParcels: (parkId: number, fc: unknown) => api.post<{ created: number; updated: number; items: Parcel[] }>(`/api/v1/parks/${parkId}/parcels/import`, fc),
  map: (parkId: number, date?: string) => api.get<LandMap>(`/api/v1/parks/${parkId}/land-map`, { date }),
  contract: (parcelId: number) => api.get<Contract>(`/api/v1/parcels/${parcelId}/contract`),
  putContract: (parcelId: number, body: unknown) => api.put<Contract>(`/api/v1/parcels/${parcelId}/contract`, body),
  inefficient: (parkId: number, date?: string, kind?: string) => api.get<InefficientLand>(`/api/v1/parks/${parkId}/inefficient-land`, { date, kind }),
  rules: (parkId: number) => api.get<Rules>(`/api/v1/parks/${parkId}/inefficiency-rules`),
  putRules: (parkId: number, body: Rules) => api.put<Rules>(`/api/v1/parks/${parkId}/inefficiency-rules`, body),
  disposals: (parkId: number, parcelId?: number) => api.get<ListResponse<Disposal>>(`/api/v1/parks/${parkId}/land-disposals`, { parcel_id: parcelId }),
  createDisposal: (parkId: number, body: unknown) => api.post<Disposal>(`/api/v1/parks/${parkId}/land-disposals`, body),
  updateDisposal: (id: number, body: unknown) => api.patch<Disposal>(`/api/v1/land-disposals/${id}`, body),
  /** The evaluation module's results (GET /parks/{id}/evaluations/{year}); rejects when not available. */
  evaluations: (parkId: number, year: number) => api.get<{ items: EvaluationItem[] }>(`/api/v1/parks/${parkId}/evaluations/${year}`),
}
