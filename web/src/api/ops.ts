// Operations (issue 17): the system status and the OpenAPI document, plus the pure helpers the
// in-app API docs page renders it with (offline: no CDN, no Swagger UI).
import { api } from './client'

export interface SystemStatus {
  version: string
  started_at: string
  uptime_seconds: number
  config_file: string
  db: { engine: string; size_bytes: number; schema_version: string; pool_open: number; pool_idle: number; pool_max: number }
  disk: { path: string; free_bytes?: number; total_bytes?: number }
  last_backup: { at: string; file: string; size_bytes: number; engine: string } | null
  backup_keep: number
  sessions: { active: number; idle_timeout_seconds: number }
  requests: { total: number; errors: number }
  jobs: { name: string; ok: number; failed: number; last_ok: boolean; last_seconds: number; last_run_unix: number }[]
}

export type JsonSchema = Record<string, unknown>
export interface OpenApiDoc {
  openapi: string
  info: { title: string; version: string; description?: string }
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, Parameter>; responses?: Record<string, unknown> }
}
export interface Parameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: JsonSchema
}
export interface Operation {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  security?: unknown[]
  'x-roles'?: string[]
  parameters?: (Parameter | { $ref: string })[]
  requestBody?: { content: Record<string, { schema?: JsonSchema }> }
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema?: JsonSchema }> }>
}

export interface DocOperation {
  method: string
  path: string
  id: string
  summary: string
  description: string
  roles: string[]
  isPublic: boolean
  parameters: Parameter[]
  requestSchema: JsonSchema | null
  requestTypes: string[]
  successStatus: string
  responseSchema: JsonSchema | null
  errorStatuses: string[]
}

export const opsApi = {
  status: () => api.get<SystemStatus>('/api/v1/system/status'),
  openapi: () => api.get<OpenApiDoc>('/api/v1/openapi.json'),
}

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete']

/** Follows a local "$ref" ("#/components/parameters/Page") inside the document. */
export function resolveRef<T>(doc: OpenApiDoc, value: T | { $ref: string }): T {
  const ref = (value as { $ref?: string })?.$ref
  if (!ref || !ref.startsWith('#/')) return value as T
  let cur: unknown = doc
  for (const part of ref.slice(2).split('/')) cur = (cur as Record<string, unknown> | undefined)?.[part]
  return (cur ?? value) as T
}

/** Operations grouped by their first tag, tags sorted, and in each the paths in document order. */
export function groupOperations(doc: OpenApiDoc): { tag: string; operations: DocOperation[] }[] {
  const groups = new Map<string, DocOperation[]>()
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const methods = Object.keys(item).sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b))
    for (const method of methods) {
      const op = item[method]
      const success = Object.keys(op.responses ?? {}).find((s) => s.startsWith('2')) ?? '200'
      const content = op.responses?.[success]?.content ?? {}
      const body = op.requestBody?.content ?? {}
      const entry: DocOperation = {
        method: method.toUpperCase(),
        path,
        id: op.operationId ?? `${method} ${path}`,
        summary: op.summary ?? '',
        description: op.description ?? '',
        roles: op['x-roles'] ?? [],
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        parameters: (op.parameters ?? []).map((p) => resolveRef<Parameter>(doc, p)),
        requestSchema: body['application/json']?.schema ?? null,
        requestTypes: Object.keys(body),
        successStatus: success,
        responseSchema: Object.values(content)[0]?.schema ?? null,
        errorStatuses: Object.keys(op.responses ?? {}).filter((s) => !s.startsWith('2')),
      }
      const tag = op.tags?.[0] ?? 'other'
      if (!groups.has(tag)) groups.set(tag, [])
      groups.get(tag)!.push(entry)
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, operations]) => ({ tag, operations }))
}

/** A compact, readable outline of a JSON schema ("{ id: integer, name: string, … }"), $refs resolved. */
export function schemaOutline(doc: OpenApiDoc, schema: JsonSchema | null | undefined, depth = 0): string {
  if (!schema) return '—'
  const s = resolveRef<JsonSchema>(doc, schema as JsonSchema)
  if (depth > 4) return '…'
  const nullable = s.nullable ? ' | null' : ''
  if (s.type === 'array') return `[${schemaOutline(doc, s.items as JsonSchema, depth + 1)}]${nullable}`
  const props = s.properties as Record<string, JsonSchema> | undefined
  if (s.type === 'object' || props) {
    if (!props || Object.keys(props).length === 0) return `object${nullable}`
    const required = new Set((s.required as string[] | undefined) ?? [])
    const inner = Object.entries(props)
      .map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${schemaOutline(doc, v, depth + 1)}`)
      .join(', ')
    return `{ ${inner} }${nullable}`
  }
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ') + nullable
  return `${(s.type as string) ?? 'any'}${s.format ? `(${s.format})` : ''}${nullable}`
}

/** Filters the groups by a search text over method, path, summary and tag. */
export function filterGroups(groups: { tag: string; operations: DocOperation[] }[], text: string) {
  const q = text.trim().toLowerCase()
  if (!q) return groups
  return groups
    .map((g) => ({
      tag: g.tag,
      operations: g.operations.filter((o) =>
        `${g.tag} ${o.method} ${o.path} ${o.summary}`.toLowerCase().includes(q),
      ),
    }))
    .filter((g) => g.operations.length > 0)
}

/** Bytes as a short human text (1.5 GB). */
export function formatBytes(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '—'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let v = n
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`
}
