import { api, type ListResponse, type PageQuery } from './client'
import type { Role } from './auth'

export interface UserRow {
  id: number
  username: string
  display_name: string
  role: Role
  park_id: number | null
  unit_id: number | null
  unit: string | null
  enterprise_id: number | null
  disabled: boolean
  created_at: string | null
  last_login_at: string | null
}

export interface NewUser {
  username: string
  display_name?: string
  password: string
  role: Role
  park_id?: number | null
  unit?: string | null
  enterprise_id?: number | null
}

export interface UserPatch {
  disabled?: boolean
  role?: Role
  display_name?: string
}

export const usersApi = {
  list: (q: PageQuery = {}) => api.get<ListResponse<UserRow>>('/api/v1/users', { ...q }),
  create: (u: NewUser) => api.post<UserRow>('/api/v1/users', u),
  update: (id: number, p: UserPatch) => api.patch<UserRow>(`/api/v1/users/${id}`, p),
  /** currentPassword is required when the user is the caller itself. */
  setPassword: (id: number, password: string, currentPassword?: string) =>
    api.post<void>(`/api/v1/users/${id}/password`, currentPassword ? { password, current_password: currentPassword } : { password }),
}
