// Talent-demand database (人才需求信息库) and rewards (奖补) — issue 13 items 3 and 4.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from './client'
import { useAuthStore } from '@/stores/auth'

export type Education = 'none' | 'secondary' | 'college' | 'bachelor' | 'master' | 'doctor'
export const EDUCATIONS: Education[] = ['none', 'secondary', 'college', 'bachelor', 'master', 'doctor']
export type Program = 'none' | 'support' | 'internship'

export interface TalentPost {
  id: number
  park_id: number
  enterprise_id: number
  enterprise_name: string
  leading_group: string
  high_tech: boolean
  post: string
  headcount: number
  major: string
  education: Education
  education_zh: string
  experience_years: number
  salary_min: number | null
  salary_max: number | null
  urgency: 'normal' | 'urgent'
  program: Program
  program_zh: string
  until: string | null
  status: 'open' | 'filled' | 'closed'
  note: string
  is_demo: boolean
}
export type PostInput = Partial<Omit<TalentPost, 'id' | 'park_id' | 'enterprise_name' | 'high_tech'>>

export interface Candidate {
  id: number
  name: string
  education: Education
  education_zh: string
  major: string
  skills: string
  experience_years: number
  expected_salary: number | null
  status: 'available' | 'placed' | 'withdrawn'
  note: string
  is_demo: boolean
}
export type CandidateInput = Partial<Omit<Candidate, 'id' | 'education_zh' | 'is_demo'>>

export interface TalentMatch {
  post_id: number
  post: string
  enterprise_name: string
  major: string
  candidate_id: number
  candidate_name: string
  candidate_major: string
  candidate_education: Education
  score: number
  reasons: string[]
}

export interface DemandBucket { key: string; label: string; posts: number; headcount: number }
export interface ProgramShare { program: string; program_zh: string; places: number; high_tech_places: number; high_tech_pct: number | null }
export interface Demand {
  year: number
  as_of: string
  open_posts: number
  open_headcount: number
  by_major: DemandBucket[]
  by_education: DemandBucket[]
  by_industry: DemandBucket[]
  programs: ProgramShare[]
}

export interface RewardType {
  id: number
  code: string
  name: string
  amount: number | null
  rule: string
  unit_id: number | null
  unit_name: string | null
  flag: string
  flag_zh: string | null
  active: boolean
  is_demo: boolean
}
export type RewardTypeInput = Partial<Pick<RewardType, 'code' | 'name' | 'amount' | 'rule' | 'unit_id' | 'flag' | 'active'>>

export interface RewardFile { id: number; filename: string; size: number; url: string; created_at: string; created_by: string }
export interface RewardApplication {
  id: number
  enterprise_id: number
  enterprise_name: string
  type_id: number
  type_name: string
  reviewer_unit_id: number | null
  year: number
  amount_requested: number
  amount_approved: number | null
  state: 'submitted' | 'approved' | 'rejected'
  note: string
  review_reason: string
  reviewed_by: string | null
  flags: { code: string; name: string }[]
  has_type_flag: boolean
  eval_class: string | null
  eval_year: number | null
  files: number
  file_list?: RewardFile[]
  is_demo: boolean
}
export interface RewardYear {
  year: number
  items: RewardApplication[]
  totals: { count: number; amount: number; by_type: { type_id: number; type_name: string; count: number; amount: number }[] }
}

const park = (id: number) => `/api/v1/parks/${id}`

export const talentApi = {
  posts: (parkId: number) => api.get<ListResponse<TalentPost>>(`${park(parkId)}/talent-posts`),
  createPost: (parkId: number, body: PostInput) => api.post<TalentPost>(`${park(parkId)}/talent-posts`, body),
  updatePost: (id: number, body: PostInput) => api.patch<TalentPost>(`/api/v1/talent-posts/${id}`, body),
  demand: (parkId: number, year?: number) => api.get<Demand>(`${park(parkId)}/talent-demand`, { year }),
  candidates: (parkId: number) => api.get<ListResponse<Candidate>>(`${park(parkId)}/talent-candidates`),
  createCandidate: (parkId: number, body: CandidateInput) => api.post<Candidate>(`${park(parkId)}/talent-candidates`, body),
  updateCandidate: (id: number, body: CandidateInput) => api.patch<Candidate>(`/api/v1/talent-candidates/${id}`, body),
  matches: (parkId: number) => api.get<ListResponse<TalentMatch>>(`${park(parkId)}/talent-matches`),
  /** XLSX exports: talent-posts, talent-candidates, talent-matches, reward-types, reward-applications. */
  exportUrl: (parkId: number, list: string, query?: Record<string, string | number | undefined>) =>
    buildUrl(`${park(parkId)}/${list}.xlsx`, query),
}

export const rewardsApi = {
  types: (parkId: number) => api.get<ListResponse<RewardType>>(`${park(parkId)}/reward-types`),
  createType: (parkId: number, body: RewardTypeInput) => api.post<RewardType>(`${park(parkId)}/reward-types`, body),
  updateType: (id: number, body: RewardTypeInput) => api.patch<RewardType>(`/api/v1/reward-types/${id}`, body),
  applications: (parkId: number, year?: number) =>
    api.get<ListResponse<RewardApplication>>(`${park(parkId)}/reward-applications`, { year }),
  application: (id: number) => api.get<RewardApplication>(`/api/v1/reward-applications/${id}`),
  apply: (parkId: number, body: { type_id: number; year: number; amount_requested: number; note?: string; enterprise_id?: number }) =>
    api.post<RewardApplication>(`${park(parkId)}/reward-applications`, body),
  review: (id: number, body: { decision: 'approve' | 'reject'; amount_approved?: number; reason?: string }) =>
    api.post<RewardApplication>(`/api/v1/reward-applications/${id}/review`, body),
  year: (parkId: number, year: number) => api.get<RewardYear>(`${park(parkId)}/rewards/${year}`),
  yearExportUrl: (parkId: number, year: number) => `${park(parkId)}/rewards/${year}.xlsx`,
  /** Uploads one evidence file (pdf, png, jpg, docx, xlsx; at most 10 MiB). */
  upload: async (id: number, file: File): Promise<RewardFile> => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream', ...languageHeaders() }
    const csrf = useAuthStore().csrfToken
    if (csrf) headers['X-CSRF-Token'] = csrf
    const url = buildUrl(`/api/v1/reward-applications/${id}/files`, { filename: file.name })
    const res = await fetch(url, { method: 'POST', headers, body: file, credentials: 'same-origin' })
    const body = await res.json().catch(() => null)
    if (!res.ok) throw toApiError(res.status, body, res.statusText)
    return body as RewardFile
  },
}
