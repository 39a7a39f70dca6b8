import { api, type ListResponse } from './client'

export interface ApiToken {
  id: number
  name: string
  scope_park_id: number | null
  read_only: boolean
  created_at?: string | null
  last_used_at?: string | null
  created_by?: string | null
}

export interface NewToken {
  name: string
  scope_park_id?: number | null
  read_only: boolean
}

export interface CreatedToken {
  id: number
  token: string
}

export const tokensApi = {
  list: () => api.get<ListResponse<ApiToken>>('/api/v1/tokens'),
  create: (t: NewToken) => api.post<CreatedToken>('/api/v1/tokens', t),
  revoke: (id: number) => api.del(`/api/v1/tokens/${id}`),
}
