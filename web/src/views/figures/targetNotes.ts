// What holds a target back, in words (issue 11 item 3): which of the two conditions fails
// (completion against 序时进度, 同比 against the growth target), and what is missing (no target,
// months of 1-N月累计 without figures). Pure: returns i18n keys with their parameters.
import type { MonitoringRow } from '@/api/monitoring'

export interface Note {
  key: string
  params?: Record<string, string | number>
  level: 'bad' | 'warn' | 'info'
}

const pct = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(2)}%`)

export function targetNotes(row: MonitoringRow): Note[] {
  const out: Note[] = []
  const missing = row.missing_months ?? []
  if (missing.length) out.push({ key: 'figures.notes.missingMonths', params: { months: missing.join('、') }, level: 'warn' })
  if ((row.failing ?? []).includes('completion'))
    out.push({ key: 'figures.notes.completionBehind', params: { completion: pct(row.completion_pct), progress: pct(row.time_progress) }, level: 'bad' })
  if ((row.failing ?? []).includes('growth'))
    out.push({ key: row.higher_is_better ? 'figures.notes.growthBelow' : 'figures.notes.growthAbove', params: { yoy: pct(row.yoy_pct), target: pct(row.growth_target_pct) }, level: 'bad' })
  if (row.target == null && row.growth_target_pct == null) out.push({ key: 'figures.notes.noTarget', level: 'info' })
  else if (row.target == null) out.push({ key: 'figures.notes.noAmountTarget', level: 'info' })
  else if (row.growth_target_pct == null) out.push({ key: 'figures.notes.noGrowthTarget', level: 'info' })
  return out
}
