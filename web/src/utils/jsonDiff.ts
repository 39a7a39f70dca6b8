// Field-level difference between an audit row's before and after JSON.
export type ChangeKind = 'added' | 'removed' | 'changed'

export interface FieldChange {
  path: string
  kind: ChangeKind
  before?: unknown
  after?: unknown
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(v) && Object.keys(v).length > 0) {
    for (const [k, child] of Object.entries(v)) flatten(child, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix) {
    out.set(prefix, v)
  } else if (v !== undefined && v !== null) {
    out.set('(value)', v)
  }
}

/** Sorted list of changed leaf paths; arrays are compared whole. */
export function jsonDiff(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>()
  const b = new Map<string, unknown>()
  flatten(before ?? null, '', a)
  flatten(after ?? null, '', b)
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort()
  const out: FieldChange[] = []
  for (const p of paths) {
    const inA = a.has(p)
    const inB = b.has(p)
    if (inA && !inB) out.push({ path: p, kind: 'removed', before: a.get(p) })
    else if (!inA && inB) out.push({ path: p, kind: 'added', after: b.get(p) })
    else if (JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
      out.push({ path: p, kind: 'changed', before: a.get(p), after: b.get(p) })
  }
  return out
}

export function showValue(v: unknown): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}
