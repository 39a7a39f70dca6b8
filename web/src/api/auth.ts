import { api, type ListResponse } from './client'

export type Role = 'sysadmin' | 'park_admin' | 'department' | 'enterprise' | 'leader'
export const ROLES: Role[] = ['sysadmin', 'park_admin', 'department', 'enterprise', 'leader']

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  park_id: number | null
  unit_id: number | null
  unit: string | null
  enterprise_id: number | null
}

export interface Scope {
  kind: 'all' | 'park' | 'unit' | 'enterprise'
  park_ids: number[]
  read_only?: boolean
  /** Registers (台账) a department keeps, per park (issue 11 item 7). */
  keeps?: { register: string; park_id: number }[]
}

export interface LoginResponse {
  user: User
  csrf_token: string
}

export interface MeResponse extends LoginResponse {
  scope?: Scope
}

/** One of the caller's own login sessions (GET /api/v1/me/sessions). */
export interface SessionRow {
  id: string
  created_at: string
  last_seen: string
  ip: string
  current: boolean
}

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginResponse>('/api/v1/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => api.post<void>('/api/v1/auth/logout', undefined, { noAuthRedirect: true }),
  me: () => api.get<MeResponse>('/api/v1/me', undefined, { noAuthRedirect: true }),
  sessions: () => api.get<ListResponse<SessionRow>>('/api/v1/me/sessions'),
  revokeSession: (id: string) => api.del(`/api/v1/me/sessions/${encodeURIComponent(id)}`),
  /** One's own password: the current one is required; other sessions and API tokens end. */
  changeOwnPassword: (userId: number, currentPassword: string, password: string) =>
    api.post<void>(`/api/v1/users/${userId}/password`, { current_password: currentPassword, password }),
}
