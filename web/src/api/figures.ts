// Issue 11: registers departments keep, reconciliation (对账) between sources.
import { api } from './client'

export interface RegisterUnit {
  id: number
  name: string
  kind: string
}

export interface RegisterRow {
  register: string
  name: string
  name_en: string
  plan_tasks: number[]
  units: RegisterUnit[]
  default_units: RegisterUnit[]
  is_default: boolean
}

export interface ReconciliationItem {
  indicator: string
  name?: string
  unit?: string
  sources: Record<string, number | null>
  difference: number | null
  difference_pct?: number | null
  within_tolerance: boolean
  authoritative?: string
  rule?: string
  explanation?: { text: string; username: string; at: string } | null
  relation?: 'equal' | 'part_of'
  records?: Record<string, { kind: string; id: number; label: string; value: number }[]>
}

export interface ReconciliationResponse {
  park_id: number
  period: string
  tolerance_pct: number
  differences: number
  unexplained: number
  items: ReconciliationItem[]
}

export const figuresApi = {
  registers: (parkId: number) => api.get<{ park_id: number; items: RegisterRow[] }>(`/api/v1/parks/${parkId}/registers`),
  putRegisters: (parkId: number, registers: Record<string, number[]>) =>
    api.put<{ park_id: number; items: RegisterRow[] }>(`/api/v1/parks/${parkId}/registers`, { registers }),
  reconciliation: (parkId: number, period: string) =>
    api.get<ReconciliationResponse>(`/api/v1/parks/${parkId}/reconciliation`, { period }),
  explain: (parkId: number, period: string, indicator: string, text: string) =>
    api.put<ReconciliationItem>(`/api/v1/parks/${parkId}/reconciliation/explanations`, { period, indicator, text }),
}
