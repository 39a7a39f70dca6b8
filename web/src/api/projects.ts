// The project pipeline API (issue 4): projects, stages, investment, checklists, rates, CRM, chains.
import { api, languageHeaders, toApiError, type ListResponse, type PageQuery } from './client'

export type Stage = 'reserve' | 'signed' | 'landed' | 'started' | 'completed' | 'production'
export const STAGES: Stage[] = ['reserve', 'signed', 'landed', 'started', 'completed', 'production']
export type StageDates = Partial<Record<Stage, string | null>>
export type LightColor = 'green' | 'yellow' | 'red' | 'none'

export interface MonthlyInvestment {
  period: string
  completed: number
  funds_in_place: number
  funds_by_source?: { out_of_province: number; in_province: number; foreign: number }
}

export interface Lights {
  project_id: number
  start: { light: LightColor; reason: string }
  progress: {
    light: LightColor
    reason: string
    planned_investment: number
    completed_ytd: number
    time_progress_pct: number | null
    completion_pct: number | null
    behind_points: number | null
  }
}

export interface Project {
  id: number
  park_id: number
  sub_park_id: number | null
  name: string
  investor: string
  lead_id: number | null
  kind: 'new' | 'continuing'
  stage: Stage
  stage_name: string
  suspended_on: string | null
  terminated_on: string | null
  suspend_reason: string
  terminate_reason: string
  total_investment: number
  contracted_investment: number
  industry: string
  chain_link_id: number | null
  parcel_ref: string
  content: string
  responsible_leader: string
  responsible_unit_id: number | null
  responsible_unit_name: string
  responsible_team: string
  contact_person: string
  planned: StageDates
  actual: StageDates
  resumed_on: string[]
  annual_plans: { year: number; planned_investment: number }[]
  monthly: MonthlyInvestment[]
  note: string
  is_demo: boolean
  lights?: Lights
  funds_in_place_total?: number
  funds_in_place_pct?: number | null
  can_edit?: boolean
  updated_at: string
}

export interface ProjectQuery extends PageQuery {
  park_id?: number
  stage?: string
  kind?: string
  q?: string
  plan_year?: number
  chain_link_id?: number
}

export interface Rate {
  code: string
  name: string
  unit: string
  value_pct: number | null
  numerator: number
  denominator: number
  project_ids: { numerator: number[]; denominator: number[] }
}

export interface StageLogEntry {
  id: number
  at: string
  username: string
  change_type: string
  from: Stage | null
  to: Stage | null
  date: string | null
  reason: string
  override_used: boolean
}

export interface Approval {
  id: number
  item: string
  status: 'pending' | 'in_progress' | 'done' | 'not_needed'
  deadline: string | null
  done_on: string | null
  tolerance_acceptance: boolean
  commitment: boolean
  agent: string
  note: string
}

export interface Problem {
  id: number
  issue: string
  raised_on: string
  responsible_unit: string
  deadline: string | null
  status: 'open' | 'in_progress' | 'resolved'
  resolution: string
  resolved_on: string | null
}

export interface Milestone {
  id: number
  title: string
  planned_date: string | null
  actual_date: string | null
  note: string
}

export interface Warning {
  project_id: number
  project_name: string
  kind: string
  message: string
  due: string | null
}

export interface Investor {
  id: number
  park_id: number
  name: string
  industry: string
  origin: string
  note: string
  lead_count: number
  contacts: { id: number; name: string; title: string; phone: string; email: string }[]
}

export type LeadStage = 'lead' | 'contact' | 'negotiation' | 'signed' | 'abandoned'
export const LEAD_STAGES: LeadStage[] = ['lead', 'contact', 'negotiation', 'signed', 'abandoned']

export interface FollowUp {
  id: number
  kind: 'visit' | 'talk' | 'phone'
  date: string
  content: string
  next_step: string
  next_date: string | null
  username: string
}

export interface Lead {
  id: number
  park_id: number
  investor_id: number
  investor_name: string
  title: string
  source: string
  chain_link_id: number | null
  intent: 'high' | 'medium' | 'low'
  planned_investment: number
  team: string
  owner: string
  stage: LeadStage
  abandon_reason: string
  project_id: number | null
  next_step: string
  next_date: string | null
  followups?: FollowUp[]
  days_left?: number
  overdue?: boolean
}

export interface LinkMember {
  id: number
  name: string
  status: string
}
export interface ChainLinkView {
  id: number
  name: string
  position: 'up' | 'mid' | 'down'
  projects: LinkMember[]
  investors: LinkMember[]
  enterprises: LinkMember[]
  gap: boolean
}
/** An enterprise of the park placed on a chain link (龙头/配套). */
export interface LinkEnterprise {
  park_id: number
  link_id: number
  enterprise_id: number
  name: string
  status: string
  role: string
  note: string
  created_at: string
}
/** Park-level thresholds of the lights and the stuck-project warnings (GET/PUT project-settings). */
export interface ProjectSettings {
  start_red_after_months: number
  progress_yellow_points: number
  progress_red_points: number
  limit_days: Record<'reserve' | 'signed' | 'landed' | 'started' | 'completed', number>
}
export const settingsApi = {
  get: (parkId: number) => api.get<ProjectSettings>(`/api/v1/parks/${parkId}/project-settings`),
  put: (parkId: number, body: ProjectSettings) => api.put<ProjectSettings>(`/api/v1/parks/${parkId}/project-settings`, body),
}
export interface ChainView {
  id: number
  name: string
  links: ChainLinkView[]
}

const P = '/api/v1/projects'

export const projectsApi = {
  list: (q: ProjectQuery) => api.get<ListResponse<Project>>(P, { ...q }),
  get: (id: number) => api.get<Project>(`${P}/${id}`),
  create: (body: Partial<Project> & { park_id: number }) => api.post<Project>(P, body),
  update: (id: number, body: Partial<Project>) => api.patch<Project>(`${P}/${id}`, body),
  stage: (id: number, body: { stage: Stage; date: string; reason?: string; dates?: StageDates }) =>
    api.post<Project>(`${P}/${id}/stage`, body),
  flag: (id: number, body: { action: string; date: string; reason?: string }) => api.post<Project>(`${P}/${id}/flags`, body),
  stageLog: (id: number) => api.get<ListResponse<StageLogEntry>>(`${P}/${id}/stage-log`),
  investment: (id: number, body: MonthlyInvestment) => api.put<Project>(`${P}/${id}/investment`, body),
  approvals: (id: number) => api.get<ListResponse<Approval>>(`${P}/${id}/approvals`),
  saveApproval: (id: number, a: Partial<Approval>) =>
    a.id ? api.put<Approval>(`${P}/${id}/approvals/${a.id}`, a) : api.post<Approval>(`${P}/${id}/approvals`, a),
  deleteApproval: (id: number, itemId: number) => api.del(`${P}/${id}/approvals/${itemId}`),
  problems: (id: number) => api.get<ListResponse<Problem>>(`${P}/${id}/problems`),
  saveProblem: (id: number, p: Partial<Problem>) =>
    p.id ? api.put<Problem>(`${P}/${id}/problems/${p.id}`, p) : api.post<Problem>(`${P}/${id}/problems`, p),
  deleteProblem: (id: number, itemId: number) => api.del(`${P}/${id}/problems/${itemId}`),
  milestones: (id: number) => api.get<ListResponse<Milestone>>(`${P}/${id}/milestones`),
  saveMilestone: (id: number, m: Partial<Milestone>) =>
    m.id ? api.put<Milestone>(`${P}/${id}/milestones/${m.id}`, m) : api.post<Milestone>(`${P}/${id}/milestones`, m),
  rates: (parkId: number, date: string) =>
    api.get<{ date: string; park_id: number; rates: Rate[] }>(`/api/v1/parks/${parkId}/project-rates`, { date }),
  lights: (parkId: number, date: string) =>
    api.get<{ counts: Record<string, Record<LightColor, number>>; items: Lights[] }>(`/api/v1/parks/${parkId}/project-lights`, { date }),
  warnings: (parkId: number, date: string) => api.get<ListResponse<Warning>>(`/api/v1/parks/${parkId}/project-warnings`, { date }),
  analytics: (parkId: number, date: string) => api.get<Analytics>(`/api/v1/parks/${parkId}/project-analytics`, { date }),
}

export interface Analytics {
  date: string
  cohorts: { year: number; reached: number[]; terminated: number; step_pct: (number | null)[]; from_signed_pct: (number | null)[] }[]
  durations: { stage: Stage; count: number; median_days: number | null }[]
  stuck: { project_id: number; stage: Stage; since: string; days_in_stage: number; limit_days: number; suspended: boolean }[]
  batches: { year: number; reserved: number[]; in_reserve: number[]; started: number[]; under_construction: number[] }
}

export const crmApi = {
  investors: (parkId?: number, q?: string) => api.get<ListResponse<Investor>>('/api/v1/investors', { park_id: parkId, q }),
  saveInvestor: (i: Partial<Investor>) =>
    i.id ? api.patch<Investor>(`/api/v1/investors/${i.id}`, i) : api.post<Investor>('/api/v1/investors', i),
  leads: (parkId?: number, stage?: string) => api.get<ListResponse<Lead>>('/api/v1/leads', { park_id: parkId, stage }),
  lead: (id: number) => api.get<Lead>(`/api/v1/leads/${id}`),
  saveLead: (l: Partial<Lead>) => (l.id ? api.patch<Lead>(`/api/v1/leads/${l.id}`, l) : api.post<Lead>('/api/v1/leads', l)),
  moveLead: (id: number, body: { stage: LeadStage; date?: string; reason?: string }) => api.post<Lead>(`/api/v1/leads/${id}/stage`, body),
  addFollowUp: (id: number, f: Partial<FollowUp>) => api.post<FollowUp>(`/api/v1/leads/${id}/followups`, f),
  reminders: (parkId: number, date?: string) => api.get<ListResponse<Lead>>(`/api/v1/parks/${parkId}/lead-reminders`, { date }),
  chains: (parkId: number) => api.get<ListResponse<ChainView>>(`/api/v1/parks/${parkId}/chains`),
  saveChain: (parkId: number, c: { id?: number; name: string }) =>
    c.id ? api.patch(`/api/v1/chains/${c.id}`, c) : api.post(`/api/v1/parks/${parkId}/chains`, c),
  saveLink: (chainId: number, l: { id?: number; name: string; position: string }) =>
    l.id ? api.patch(`/api/v1/chain-links/${l.id}`, l) : api.post(`/api/v1/chains/${chainId}/links`, l),
  deleteLink: (id: number) => api.del(`/api/v1/chain-links/${id}`),
  linkEnterprises: (parkId: number, linkId: number) =>
    api.get<ListResponse<LinkEnterprise>>(`/api/v1/parks/${parkId}/chain-links/${linkId}/enterprises`),
  attachEnterprise: (parkId: number, linkId: number, body: { enterprise_id: number; role: string; note: string }) =>
    api.post<LinkEnterprise>(`/api/v1/parks/${parkId}/chain-links/${linkId}/enterprises`, body),
  detachEnterprise: (parkId: number, linkId: number, enterpriseId: number) =>
    api.del(`/api/v1/parks/${parkId}/chain-links/${linkId}/enterprises/${enterpriseId}`),
}

/** URLs of the ledger export (XLSX or CSV) and the import template (GET with the session cookie). */
export const ledgerExportUrl = (parkId: number, format: 'xlsx' | 'csv' = 'xlsx') =>
  `/api/v1/parks/${parkId}/project-ledger?format=${format}`
export const ledgerTemplateUrl = '/api/v1/project-ledger/template'

/** Uploads a ledger file (XLSX or CSV) as the request body; all or nothing. Throws ApiError with
 *  details `rows[<row>].<column>` when any row is wrong. */
export async function importLedger(parkId: number, file: Blob, csrf: string | null | undefined): Promise<{ created: number; updated: number }> {
  const res = await fetch(`/api/v1/parks/${parkId}/project-ledger/import`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', ...languageHeaders(), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: file,
  })
  const text = await res.text()
  const body = text ? JSON.parse(text) : null
  if (!res.ok) throw toApiError(res.status, body, res.statusText)
  return body
}
