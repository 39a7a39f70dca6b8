// The management loop (issue 19): breakdown items, progress reports, the unit's queue, supervision
// (督办), leaders' instructions and the annual assessment. Mirrors src/http/routes.cc.
import { api, buildUrl, languageHeaders, toApiError, type ListResponse } from './client'
import { useAuthStore } from '@/stores/auth'

export const ITEM_STATUSES = ['not_started', 'in_progress', 'completed', 'behind'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]
export const FREQUENCIES = ['monthly', 'quarterly', 'once'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export interface TaskReport {
  id: number
  item_id: number
  unit: string
  period: string
  text: string
  value: number | null
  progress_pct: number | null
  state: 'submitted' | 'accepted' | 'returned'
  review_comment: string
  created_by: string
  created_at: string
}

export interface ReportAttachment {
  id: number
  report_id: number
  filename: string
  content_type: string
  size: number
  created_by: string
  created_at: string
}

/** A file as the raw request body (the server reads no multipart): CSRF and language headers added. */
async function uploadRaw<T>(url: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream', ...languageHeaders() }
  const csrf = useAuthStore().csrfToken
  if (csrf) headers['X-CSRF-Token'] = csrf
  const res = await fetch(buildUrl(url), { method: 'POST', headers, body: file, credentials: 'same-origin' })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw toApiError(res.status, body, res.statusText)
  return body as T
}

export interface TaskItem {
  id: number
  park_id: number
  task_id: number
  task_no: number
  content: string
  target: { value: number; unit: string } | null
  milestone: string
  weight: number
  lead_units: string[]
  responsible_units: string[]
  start: string
  deadline: string
  frequency: Frequency
  evidence: string
  link: { kind: string; code: string; park_id: number | null } | null
  progress_pct: number | null
  current_value: number | null
  progress_source: string
  status: ItemStatus
  status_name: string
  status_reason: string
  time_share_pct: number
  missed_periods: string[]
  overdue: boolean
  returned_reports: number
  last_report?: TaskReport
  reports?: TaskReport[]
  is_demo: boolean
}

export interface ItemInput {
  content: string
  target?: { value: number; unit: string } | null
  milestone?: string
  weight: number
  lead_units: string[]
  responsible_units: string[]
  deadline: string
  frequency: Frequency
  evidence?: string
  start?: string
  link?: { kind: string; code: string; park_id?: number } | null
}

export interface SupervisionUnit {
  unit_id: number
  unit: string
  state: 'assigned' | 'received' | 'done' | 'confirmed' | 'returned'
  received_at: string
  assignee: string
  done_at: string
  done_text: string
  evidence: string
  confirmed_at: string
}

export interface Supervision {
  id: number
  no: string
  title: string
  content: string
  deadline: string
  source: { kind: string; id: string; text: string }
  state: 'open' | 'closed'
  issued_by: string
  issued_at: string
  closed_at: string
  light: 'none' | 'green' | 'yellow' | 'red'
  days_left: number
  extension: { deadline: string; reason: string; unit: string | null } | null
  units: SupervisionUnit[]
  events?: { id: number; unit: string | null; kind: string; text: string; at: string; username: string }[]
  is_demo: boolean
}

export interface WorkQueue {
  unit: string | null
  due: TaskItem[]
  overdue: TaskItem[]
  returned: TaskReport[]
  to_review: TaskItem[]
  supervision: Supervision[]
  counts: { due: number; overdue: number; returned: number; to_review: number; supervision: number; total: number }
}

export interface AssessmentUnit {
  unit: string
  score: number
  rank: number
  base: number
  rate_pct: number
  weight_total: number
  deductions: number
  bonus: number
  returned_reports: number
  overdue_supervisions: number
  items: { item_id: number; task_no: number; content: string; weight: number; completion_pct: number; score: number; status: ItemStatus }[]
}

/** The year's scoring rules (PUT /assessment/{year}/settings; absent members keep their value). */
export interface AssessmentSettings {
  method: 'completion' | 'efficacy'
  completion_cap_pct: number
  efficacy_best?: number
  efficacy_worst?: number
  deduct_overdue_item?: number
  deduct_returned_report?: number
  deduct_overdue_supervision?: number
  bonus_cap?: number
  supervision_weight?: number
}

export interface AssessmentBonus {
  unit: string
  points: number
  reason: string
  evidence: string
}

export interface Assessment {
  park_id: number
  year: number
  published: boolean
  settings: AssessmentSettings
  units: AssessmentUnit[]
}

export interface Meeting {
  id: number
  title: string
  held_on: string
  chair: string
  units: string[]
  agenda: string
  minutes: string
  decisions?: Supervision[]
  is_demo: boolean
}

/** A task of a plan as its editor sees it (GET /task-plans/{id}/tasks). */
export interface PlanTaskRow {
  id: number
  plan_id: number
  no: number
  group: string
  title: string
  content: string
  note: string
  lead_units: string[]
  responsible_units: string[]
}
export type PlanTaskInput = Omit<PlanTaskRow, 'id' | 'plan_id'>

export interface TaskPlan {
  id: number
  park_id: number
  year: number
  title: string
  doc_no: string
  is_current: boolean
}

export const loopApi = {
  plans: () => api.get<ListResponse<TaskPlan>>('/api/v1/task-plans'),
  planTasks: (planId: number) => api.get<ListResponse<PlanTaskRow>>(`/api/v1/task-plans/${planId}/tasks`),
  createPlanTask: (planId: number, t: PlanTaskInput) => api.post<PlanTaskRow>(`/api/v1/task-plans/${planId}/tasks`, t),
  updatePlanTask: (id: number, t: Partial<PlanTaskInput>) => api.patch<PlanTaskRow>(`/api/v1/tasks/${id}`, t),
  deletePlanTask: (id: number) => api.del(`/api/v1/tasks/${id}`),
  /** A new year's plan from the template's columns (.xlsx or .csv); all or nothing, 422 names rows[N].field. */
  importPlan: (file: Blob, q: { year: number; title: string; doc_no?: string }) =>
    uploadRaw<TaskPlan & { tasks: number }>(buildUrl('/api/v1/task-plans/import', q), file),
  /** Copies a plan to another year of its park (tasks, units, items; no reports). 409 when the year exists. */
  copyPlan: (id: number, body: { year: number; title?: string; doc_no?: string }) =>
    api.post<TaskPlan>(`/api/v1/task-plans/${id}/copy`, body),
  updatePlan: (id: number, body: { title?: string; doc_no?: string }) => api.patch<TaskPlan>(`/api/v1/task-plans/${id}`, body),
  /** Uploads a breakdown (.xlsx or .csv, the template's columns); all or nothing, 422 names rows[N].field. */
  importItems: (file: Blob) => uploadRaw<{ created: number }>('/api/v1/task-items/import', file),
  /** Attachments of a progress report (pdf, png, jpg, docx, xlsx; at most 10 MiB each). */
  attachments: (reportId: number) => api.get<ListResponse<ReportAttachment>>(`/api/v1/task-reports/${reportId}/attachments`),
  addAttachment: (reportId: number, file: File) =>
    uploadRaw<ReportAttachment>(`/api/v1/task-reports/${reportId}/attachments?filename=${encodeURIComponent(file.name)}`, file),
  meetings: () => api.get<ListResponse<Meeting>>('/api/v1/meetings'),
  meeting: (id: number) => api.get<Meeting>(`/api/v1/meetings/${id}`),
  createMeeting: (body: { title: string; held_on: string; chair: string; units: string[]; agenda: string }) =>
    api.post<Meeting>('/api/v1/meetings', body),
  decide: (id: number, body: { title: string; units: string[]; deadline: string; content?: string }) =>
    api.post<Supervision>(`/api/v1/meetings/${id}/decisions`, body),
  agenda: () =>
    api.get<{
      behind_items: TaskItem[]
      overdue_supervision: Supervision[]
      warnings: { park: string; period: string; message: string; responsible_unit: string }[]
      red_projects: { id: number; name: string; light: 'start' | 'progress' }[]
    }>('/api/v1/meeting-agenda'),
  items: (q: { task_id?: number; unit?: string; status?: string } = {}) =>
    api.get<ListResponse<TaskItem> & { counts: Record<ItemStatus, number> }>('/api/v1/task-items', q),
  item: (id: number) => api.get<TaskItem>(`/api/v1/task-items/${id}`),
  createItem: (taskId: number, body: ItemInput) => api.post<TaskItem>(`/api/v1/tasks/${taskId}/items`, body),
  updateItem: (id: number, body: ItemInput) => api.patch<TaskItem>(`/api/v1/task-items/${id}`, body),
  deleteItem: (id: number) => api.del(`/api/v1/task-items/${id}`),
  report: (id: number, body: { text: string; value?: number | null; progress_pct?: number | null }) =>
    api.post<TaskReport>(`/api/v1/task-items/${id}/reports`, body),
  review: (id: number, decision: 'accept' | 'return', comment: string) =>
    api.post<TaskReport>(`/api/v1/task-reports/${id}/review`, { decision, comment }),
  queue: () => api.get<WorkQueue>('/api/v1/my-queue'),
  supervisions: () => api.get<ListResponse<Supervision> & { counts: Record<string, number> }>('/api/v1/supervision'),
  supervision: (id: number) => api.get<Supervision>(`/api/v1/supervision/${id}`),
  issue: (body: { title: string; content?: string; units: string[]; deadline: string; source?: { kind: string; id?: string; text?: string } }) =>
    api.post<Supervision>('/api/v1/supervision', body),
  step: (id: number, step: string, body: Record<string, unknown> = {}) =>
    api.post<Supervision>(`/api/v1/supervision/${id}/${step}`, body),
  assessment: (year: number) => api.get<Assessment>(`/api/v1/assessment/${year}`),
  setMethod: (year: number, method: string) => api.put(`/api/v1/assessment/${year}/settings`, { method }),
  settings: (year: number) => api.get<AssessmentSettings>(`/api/v1/assessment/${year}/settings`),
  putSettings: (year: number, s: Partial<AssessmentSettings>) => api.put(`/api/v1/assessment/${year}/settings`, s),
  addBonus: (year: number, b: AssessmentBonus) => api.post(`/api/v1/assessment/${year}/bonuses`, b),
  publish: (year: number) => api.post<Assessment>(`/api/v1/assessment/${year}/publish`),
}

/** Element Plus tag type of an item status (status colours of the plan tree). */
export function statusTag(s: ItemStatus): 'info' | 'primary' | 'success' | 'danger' {
  return s === 'completed' ? 'success' : s === 'behind' ? 'danger' : s === 'in_progress' ? 'primary' : 'info'
}

/** Tag type of a 督办 light. */
export function lightTag(l: Supervision['light']): 'success' | 'warning' | 'danger' | 'info' {
  return l === 'green' ? 'success' : l === 'yellow' ? 'warning' : l === 'red' ? 'danger' : 'info'
}
