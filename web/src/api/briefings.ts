// Briefings (经济运行通报), notifications and scheduled jobs (issue 12).
import { api, type ListResponse } from './client'

export type BriefingState = 'draft' | 'approved' | 'issued'

export interface Sentence { id: string; tmpl: string; text: string; edited: boolean }
export interface BriefingTable { header: string[]; rows: string[][] }
export interface BriefingChart { title: string; unit: string; bars: { label: string; value: number }[] }
export interface BriefingSection {
  key: string
  title: string
  sentences: Sentence[]
  tables: BriefingTable[]
  charts: BriefingChart[]
  note: string
}
export interface Figure { label: string; unit: string; source: string; value?: number | null; text?: string }

export interface BriefingSummary {
  id: number
  park_id: number
  park_name: string
  period: string
  state: BriefingState
  state_zh: string
  title: string
  data_version: string
  created_at: string
  updated_at: string
  issued_at: string | null
}

export interface Briefing extends BriefingSummary {
  subtitle: string
  sections: BriefingSection[]
  figures: Record<string, Figure>
  is_demo: boolean
  created_by: string
  approved_at: string | null
  approved_by: string | null
  issued_by: string | null
  docx_url: string
  html_url: string
}

export interface AppNotification {
  id: number
  kind: 'todo' | 'notice'
  category: string
  title: string
  body: string
  link: string
  park_id: number | null
  created_at: string
  read: boolean
}

export interface NotificationList extends ListResponse<AppNotification> { unread: number }

export interface JobRun { id: number; trigger: string; started_at: string; finished_at: string | null; status: string; log: string; by: string }
export interface Job { name: string; title: string; schedule: string; runs: JobRun[] }

export interface RemindResult { period: string; enterprises: number; users: number; notified: number; without_users: string[] }

export const briefingsApi = {
  list: (q: { park_id?: number; page?: number; page_size?: number } = {}) =>
    api.get<ListResponse<BriefingSummary>>('/api/v1/briefings', q),
  get: (id: number) => api.get<Briefing>(`/api/v1/briefings/${id}`),
  create: (parkId: number, period: string) => api.post<Briefing>(`/api/v1/parks/${parkId}/briefings`, { period }),
  edit: (id: number, body: { sentences?: Record<string, string>; notes?: Record<string, string> }) =>
    api.patch<Briefing>(`/api/v1/briefings/${id}`, body),
  act: (id: number, action: 'approve' | 'issue' | 'reopen' | 'refresh') => api.post<Briefing>(`/api/v1/briefings/${id}/${action}`),
  docxUrl: (id: number) => `/api/v1/briefings/${id}.docx`,
  htmlUrl: (id: number) => `/api/v1/briefings/${id}.html`,
}

export const notificationsApi = {
  list: (q: { kind?: string; unread?: number; page?: number; page_size?: number } = {}) =>
    api.get<NotificationList>('/api/v1/notifications', q),
  read: (id: number) => api.post<void>(`/api/v1/notifications/${id}/read`),
  readAll: () => api.post<{ marked: number }>('/api/v1/notifications/read-all'),
  remind: (parkId: number, period: string) => api.post<RemindResult>(`/api/v1/parks/${parkId}/reporting-reminders`, { period }),
}

export const jobsApi = {
  list: () => api.get<ListResponse<Job>>('/api/v1/jobs'),
  run: (name: string) => api.post<JobRun>(`/api/v1/jobs/${name}/run`),
}
