import { describe, expect, it } from 'vitest'
import { filterGroups, formatBytes, groupOperations, schemaOutline, type OpenApiDoc } from './ops'

const doc: OpenApiDoc = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/users': {
      post: { tags: ['users'], summary: 'Create', 'x-roles': ['sysadmin'], requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['username'], properties: { username: { type: 'string' }, park_id: { type: 'integer', nullable: true } } } } } }, responses: { '201': { description: 'ok' }, '422': { $ref: '#/components/responses/ValidationFailed' } } },
      get: { tags: ['users'], summary: 'List', parameters: [{ $ref: '#/components/parameters/Page' }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/User' } }, total: { type: 'integer' } } } } } } } },
    },
    '/api/v1/health': { get: { tags: ['health'], security: [], responses: { '200': { description: 'ok' } } } },
  },
  components: {
    schemas: { User: { type: 'object', properties: { id: { type: 'integer' }, role: { type: 'string', enum: ['a', 'b'] } } } },
    parameters: { Page: { name: 'page', in: 'query', schema: { type: 'integer' } } },
  },
}

describe('groupOperations', () => {
  it('groups by tag (sorted), GET before POST, resolves parameters and marks public routes', () => {
    const g = groupOperations(doc)
    expect(g.map((x) => x.tag)).toEqual(['health', 'users'])
    const users = g[1].operations
    expect(users.map((o) => o.method)).toEqual(['GET', 'POST'])
    expect(users[0].parameters[0].name).toBe('page')
    expect(users[1].successStatus).toBe('201')
    expect(users[1].errorStatuses).toEqual(['422'])
    expect(users[1].roles).toEqual(['sysadmin'])
    expect(g[0].operations[0].isPublic).toBe(true)
    expect(users[0].isPublic).toBe(false)
  })
})

describe('schemaOutline', () => {
  it('outlines objects, optional keys, nullables, arrays, enums and $refs', () => {
    const [, users] = groupOperations(doc)
    expect(schemaOutline(doc, users.operations[1].requestSchema)).toBe('{ username: string, park_id?: integer | null }')
    expect(schemaOutline(doc, users.operations[0].responseSchema)).toBe(
      '{ items?: [{ id?: integer, role?: "a" | "b" }], total?: integer }',
    )
    expect(schemaOutline(doc, null)).toBe('—')
  })
})

describe('filterGroups and formatBytes', () => {
  it('filters by path, method or summary text', () => {
    const g = groupOperations(doc)
    expect(filterGroups(g, 'create').flatMap((x) => x.operations.map((o) => o.method))).toEqual(['POST'])
    expect(filterGroups(g, 'health').length).toBe(1)
    expect(filterGroups(g, '  ').length).toBe(2)
  })
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB')
    expect(formatBytes(undefined)).toBe('—')
  })
})
