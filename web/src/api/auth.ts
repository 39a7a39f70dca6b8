import { api } from './client'

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

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginResponse>('/api/v1/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => api.post<void>('/api/v1/auth/logout', undefined, { noAuthRedirect: true }),
  me: () => api.get<MeResponse>('/api/v1/me', undefined, { noAuthRedirect: true }),
}
