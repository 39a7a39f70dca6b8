// The row-by-row report of a refused import (industry table, monthly reports …) built from the
// server's error details. Pure; unit-tested.
import type { ErrorDetail } from '@/api/client'

export interface ImportErrorRow {
  /** The file's row number (header = 1), or null for a problem of the whole file. */
  row: number | null
  /** code | level | name | parent | header | rows | file … */
  column: string
  message: string
}

/** Maps the details of a refused import (`rows[N].<column>`, `rows[N]`, `header`, `rows`, `file`) to the
 * row / column / message report, in row order; problems of the whole file come first. */
export function importErrorRows(details: ErrorDetail[]): ImportErrorRow[] {
  const out = details.map((d): ImportErrorRow => {
    const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(d.field)
    if (m) return { row: Number(m[1]), column: m[2] ?? '', message: d.message }
    if (d.field === 'header') return { row: 1, column: 'header', message: d.message }
    return { row: null, column: d.field || 'file', message: d.message }
  })
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.row ?? 0) - (b.r.row ?? 0) || a.i - b.i)
    .map((x) => x.r)
}
