import { api, type ListResponse } from './client'

export interface Task {
  no: number
  group: string
  title: string
  lead_units: string[]
  responsible_units: string[]
  note: string
}

export const tasksApi = {
  list: () => api.get<ListResponse<Task>>('/api/v1/tasks'),
}
