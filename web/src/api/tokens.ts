import { api, type ListResponse } from './client'

export interface ApiToken {
  id: number
  name: string
  scope_park_id: number | null
  read_only: boolean
  created_at?: string | null
  last_used_at?: string | null
  created_by?: string | null
  expires_at?: string | null
  modules?: string[]
  last_used_ip?: string | null
  requests_today?: number
  requests_14d?: number
  usage?: { day: string; requests: number }[]
}

export const TOKEN_MODULES = ['monitoring', 'projects', 'enterprises', 'land', 'evaluation', 'tasks', 'briefings', 'comparison', 'talent', 'safety', 'gates', 'sme'] as const

export interface NewToken {
  name: string
  scope_park_id?: number | null
  read_only: boolean
  expires_at?: string | null
  modules?: string[]
}

export interface CreatedToken {
  id: number
  token: string
}

/** One use of a token (each request that presented it, kept 90 days). */
export interface TokenUse {
  at: string
  method: string
  path: string
  status: number
  ip: string
}

export const tokensApi = {
  uses: (id: number, page = 1, pageSize = 50) =>
    api.get<ListResponse<TokenUse>>(`/api/v1/tokens/${id}/uses?page=${page}&page_size=${pageSize}`),
  list: () => api.get<ListResponse<ApiToken>>('/api/v1/tokens'),
  create: (t: NewToken) => api.post<CreatedToken>('/api/v1/tokens', t),
  revoke: (id: number) => api.del(`/api/v1/tokens/${id}`),
}
