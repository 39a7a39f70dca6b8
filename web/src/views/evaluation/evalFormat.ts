// Small pure helpers of the evaluation screens (unit-tested in evalFormat.test.ts).
import type { ClassCode, ResultRow, Scheme } from '@/api/evaluation'

export const CLASS_TAG: Record<ClassCode, 'success' | 'primary' | 'warning' | 'danger' | 'info'> = {
  A: 'success', B: 'primary', C: 'warning', D: 'danger', T: 'info',
}

/** A number for a table cell: fixed decimals, '—' when missing. */
export function fmt(v: number | null | undefined, digits = 2): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** The indicator codes used by any group of a scheme, in scheme order. */
export function schemeIndicators(s: Scheme | null | undefined): string[] {
  const out: string[] = []
  for (const g of s?.groups ?? []) for (const i of g.indicators) if (!out.includes(i.code)) out.push(i.code)
  return out
}

/** Filters results by group, class and a name/id keyword. */
export function filterResults(rows: ResultRow[], f: { group?: string; cls?: string; keyword?: string }): ResultRow[] {
  const k = (f.keyword ?? '').trim()
  return rows.filter((r) => (!f.group || r.group === f.group) && (!f.cls || r.class === f.cls) &&
    (!k || String(r.enterprise_id) === k || (r.enterprise_name ?? '').includes(k)))
}

export function deepCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
