import { api, type ListResponse } from './client'

export interface Region {
  id: number
  name: string
  parent_id: number | null
}

export interface Park {
  id: number
  name: string
  region_id: number | null
  parent_id: number | null
  is_demo: boolean
}

export interface Unit {
  id: number
  name: string
  kind: string
  region_id: number | null
}

export interface NewPark {
  name: string
  region_id?: number | null
  parent_id?: number | null
}

export interface Target {
  code: string
  name: string
  unit: string
  target: number | null
  growth_pct: number | null
  base: number | null
}

export interface TargetsResponse {
  year: number
  items: Target[]
}

export const orgApi = {
  regions: () => api.get<ListResponse<Region>>('/api/v1/regions'),
  parks: () => api.get<ListResponse<Park>>('/api/v1/parks'),
  createPark: (p: NewPark) => api.post<Park>('/api/v1/parks', p),
  units: () => api.get<ListResponse<Unit>>('/api/v1/units'),
  targets: (parkId: number, year: number) => api.get<TargetsResponse>(`/api/v1/parks/${parkId}/targets/${year}`),
}
