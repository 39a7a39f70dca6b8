// Gates and money (issue 15): project admission review (项目准入评审) and policies to enterprises
// (惠企政策) with applications and 兑现. Mirrors the gates routes of src/http/routes.cc.
import { api, buildUrl, type ListResponse } from './client'

export const DECISIONS = ['approved', 'conditional', 'rejected'] as const
export type Decision = (typeof DECISIONS)[number]
/** The review criteria the form offers (free keys are accepted by the server too). */
export const CRITERIA = ['industry_policy', 'energy_per_output', 'investment_intensity', 'tax_per_mu', 'pollution_class', 'technology_level'] as const

export interface AdmissionScore {
  criterion: string
  score: number | null
  pass: boolean | null
  evidence: string
}
export interface Opinion {
  unit: string
  reviewer: string
  opinion: string
}
export interface Admission {
  id: number
  project_id: number
  decision: Decision
  decision_name: string
  reasons: string[]
  scores: AdmissionScore[]
  opinions: Opinion[]
  decided_on: string
  decided_by: string
  is_demo: boolean
}
export interface AdmissionHistory {
  decision: Decision | null
  current: Admission | null
  items: Admission[]
  total: number
}
export interface ParkAdmissionRow {
  project_id: number
  project_name: string
  stage: string
  total_investment: number
  decision: Decision | null
  decided_on: string | null
  reasons: string[]
}
export interface AdmissionInput {
  decision: Decision
  reasons: string[]
  scores: Record<string, { score?: number | null; pass?: boolean | null; evidence?: string }>
  opinions: Opinion[]
  decided_on?: string
}

export const CRITERION_KINDS = ['flag', 'above_scale', 'figure', 'ratio', 'industry', 'employees'] as const
export type CriterionKind = (typeof CRITERION_KINDS)[number]
export const OPS = ['ge', 'gt', 'le', 'lt'] as const
export const CATEGORIES = ['tax', 'subsidy', 'finance', 'talent', 'other'] as const
export const APP_STATUSES = ['applied', 'approved', 'rejected', 'paid'] as const

export interface Criterion {
  kind: CriterionKind
  code: string
  code2: string
  prefixes: string[]
  expect: boolean
  op: (typeof OPS)[number]
  value: number
}
export interface Policy {
  id: number
  park_id: number
  title: string
  issuer: string
  category: string
  benefit: string
  how_to_apply: string
  valid_from: string | null
  valid_until: string | null
  figures_year: number | null
  criteria: Criterion[]
  is_demo: boolean
}
export type PolicyInput = Omit<Policy, 'id' | 'is_demo'>
export interface PolicyMatch {
  enterprise_id: number
  enterprise_name: string
  reasons: string[]
}
export interface Application {
  id: number
  park_id: number
  policy_id: number
  policy_title: string
  enterprise_id: number
  enterprise_name: string
  applied_on: string
  status: (typeof APP_STATUSES)[number]
  amount: number | null
  paid_on: string | null
  note: string
  is_demo: boolean
}
export interface PolicySum {
  policy_id: number
  policy_title: string
  year: number
  applications: number
  paid: number
  amount: number
}

export const gatesApi = {
  parkAdmissions: (parkId: number) => api.get<ListResponse<ParkAdmissionRow>>(`/api/v1/parks/${parkId}/admissions`),
  admissionsExportUrl: (parkId: number) => buildUrl(`/api/v1/parks/${parkId}/admissions/export`),
  admission: (projectId: number) => api.get<AdmissionHistory>(`/api/v1/projects/${projectId}/admission`),
  decide: (projectId: number, body: AdmissionInput) => api.post<AdmissionHistory>(`/api/v1/projects/${projectId}/admission`, body),

  policies: (parkId?: number) => api.get<ListResponse<Policy>>('/api/v1/policies', parkId ? { park_id: parkId } : undefined),
  policiesExportUrl: (parkId?: number) => buildUrl('/api/v1/policies/export', parkId ? { park_id: parkId } : undefined),
  createPolicy: (body: PolicyInput) => api.post<Policy>('/api/v1/policies', body),
  updatePolicy: (id: number, body: Partial<PolicyInput>) => api.patch<Policy>(`/api/v1/policies/${id}`, body),
  matches: (id: number) => api.get<ListResponse<PolicyMatch>>(`/api/v1/policies/${id}/matches`),
  notify: (id: number) => api.post<{ enterprises: number; notified: number }>(`/api/v1/policies/${id}/notify`, {}),
  apply: (id: number, body: Partial<Application>) => api.post<Application>(`/api/v1/policies/${id}/applications`, body),
  applications: (q: { park_id?: number; policy_id?: number } = {}) => api.get<ListResponse<Application>>('/api/v1/policy-applications', q),
  applicationsExportUrl: (q: { park_id?: number; policy_id?: number } = {}) => buildUrl('/api/v1/policy-applications/export', q),
  updateApplication: (id: number, body: Partial<Application>) => api.patch<Application>(`/api/v1/policy-applications/${id}`, body),
  sums: (parkId: number) => api.get<ListResponse<PolicySum>>(`/api/v1/parks/${parkId}/policy-sums`),
}

export interface LandAllocation {
  id: number
  title: string
  project_id: number | null
  project_name: string
  area_mu: number
  allocated_on: string
  exception_reason: string
  created_by: string
  is_demo: boolean
}
export interface LandQuotaYear {
  park_id: number
  year: number
  quota_mu: number | null
  note: string
  allocated_mu: number
  remaining_mu: number
  use_pct: number
  exceptions: number
  is_demo: boolean
  items: LandAllocation[]
  total: number
}
export const landQuotaApi = {
  get: (parkId: number, year: number) => api.get<LandQuotaYear>(`/api/v1/parks/${parkId}/land-quotas/${year}`),
  set: (parkId: number, year: number, body: { quota_mu: number; note?: string }) =>
    api.put<LandQuotaYear>(`/api/v1/parks/${parkId}/land-quotas/${year}`, body),
  allocate: (parkId: number, year: number, body: { project_id?: number | null; title?: string; area_mu: number; allocated_on?: string; exception_reason?: string }) =>
    api.post<LandQuotaYear>(`/api/v1/parks/${parkId}/land-quotas/${year}/allocations`, body),
  exportUrl: (parkId: number, year: number) => buildUrl(`/api/v1/parks/${parkId}/land-quotas/${year}/export`),
}

export const POWER_STATUSES = ['accepted', 'in_progress', 'not_accepted'] as const
export interface DelegatedPower {
  id: number
  park_id: number
  name: string
  legal_basis: string
  delegating_unit: string
  delegated_on: string | null
  status: (typeof POWER_STATUSES)[number]
  status_name: string
  note: string
  handled_total: number
  is_demo: boolean
}
export interface PowerLogEntry {
  id: number
  power_id: number
  power_name: string
  at: string
  username: string
  action: 'add' | 'update'
  changes: string
  reason: string
}
export const powersApi = {
  list: (parkId: number) => api.get<ListResponse<DelegatedPower>>(`/api/v1/parks/${parkId}/delegated-powers`),
  create: (parkId: number, body: Partial<DelegatedPower>) => api.post<DelegatedPower>(`/api/v1/parks/${parkId}/delegated-powers`, body),
  update: (id: number, body: Partial<DelegatedPower> & { reason: string }) => api.patch<DelegatedPower>(`/api/v1/delegated-powers/${id}`, body),
  counts: (id: number) => api.get<ListResponse<{ period: string; handled: number }>>(`/api/v1/delegated-powers/${id}/counts`),
  setCount: (id: number, period: string, handled: number) =>
    api.put<ListResponse<{ period: string; handled: number }>>(`/api/v1/delegated-powers/${id}/counts`, { period, handled }),
  log: (parkId: number) => api.get<ListResponse<PowerLogEntry>>(`/api/v1/parks/${parkId}/delegated-powers/log`),
  exportUrl: (parkId: number) => buildUrl(`/api/v1/parks/${parkId}/delegated-powers/export`),
}

export const FUNDING_SOURCES = ['special_bond', 'budget', 'self', 'bank_loan', 'bond_loan', 'other'] as const
export interface SourceTotal {
  source: (typeof FUNDING_SOURCES)[number]
  source_name: string
  planned: number
  in_place: number
  in_place_pct: number
}
export interface BondProjectRow {
  project_id: number
  project_name: string
  stage: string
  stage_name: string
  total_investment: number
  bond_planned: number
  bond_drawn: number
  drawn_pct: number
  drawdowns: { period: string; amount: number }[]
}
export interface ProjectFunding {
  year: number
  items: { period: string; source: string; source_name: string; planned: number; in_place: number }[]
  total: number
  totals: SourceTotal[]
}
export const fundingApi = {
  totals: (parkId: number, year: number) => api.get<ListResponse<SourceTotal>>(`/api/v1/parks/${parkId}/funding-totals`, { year }),
  bonds: (parkId: number, year: number) => api.get<ListResponse<BondProjectRow>>(`/api/v1/parks/${parkId}/bond-projects`, { year }),
  bondsExportUrl: (parkId: number, year: number) => buildUrl(`/api/v1/parks/${parkId}/bond-projects/export`, { year }),
  project: (id: number, year: number) => api.get<ProjectFunding>(`/api/v1/projects/${id}/funding`, { year }),
  save: (id: number, body: { period: string; source: string; planned: number; in_place: number }) =>
    api.put<ProjectFunding>(`/api/v1/projects/${id}/funding`, body),
  projects: (parkId: number) =>
    api.get<ListResponse<{ id: number; name: string }>>('/api/v1/projects', { park_id: parkId, page_size: 500 }),
}
