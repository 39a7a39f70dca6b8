import { api, type ListResponse, type PageQuery } from './client'

export interface AuditRow {
  id: number
  at: string
  user_id: number | null
  username: string | null
  ip: string | null
  action: string
  entity: string
  entity_id: string | number | null
  before: unknown
  after: unknown
  reason: string | null
}

export interface AuditQuery extends PageQuery {
  user?: string
  entity?: string
  from?: string
  to?: string
}

export const auditApi = {
  list: (q: AuditQuery) => api.get<ListResponse<AuditRow>>('/api/v1/audit', { ...q }),
}
