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
