import { describe, expect, it } from 'vitest'
import type { MonitoringRow } from '@/api/monitoring'
import { targetNotes } from './targetNotes'

const base: MonitoringRow = {
  code: 'output', name: '工业总产值', name_en: 'Output', unit: '万元', kind: 'flow', higher_is_better: true, decimals: 2,
  source: 'direct', month: 100, month_last_year: 90, ytd: 600, ytd_complete: true, ytd_last_year: 560, yoy_pct: 7.14,
  month_yoy_pct: 11.1, target: 1200, completion_pct: 50, time_progress: 50, gap: 0, status: 'green', status_zh: '正常',
  growth_target_pct: 7, growth_met: true, failing: [], missing_months: [], projected_year_end: 1200, required_monthly_avg: 100,
} as MonitoringRow

describe('targetNotes', () => {
  it('says nothing when both conditions hold', () => {
    expect(targetNotes(base)).toEqual([])
  })
  it('names the failing growth condition with both figures', () => {
    const n = targetNotes({ ...base, yoy_pct: 5.9, growth_met: false, failing: ['growth'] })
    expect(n.map((x) => x.key)).toEqual(['figures.notes.growthBelow'])
    expect(n[0].params).toEqual({ yoy: '5.90%', target: '7.00%' })
  })
  it('names a cap exceeded for lower-is-better indicators', () => {
    expect(targetNotes({ ...base, higher_is_better: false, failing: ['growth'] })[0].key).toBe('figures.notes.growthAbove')
  })
  it('names completion behind time progress and missing months', () => {
    const n = targetNotes({ ...base, failing: ['completion'], missing_months: [3, 4], completion_pct: 30 })
    expect(n.map((x) => x.key)).toEqual(['figures.notes.missingMonths', 'figures.notes.completionBehind'])
    expect(n[0].params).toEqual({ months: '3、4' })
  })
  it('says which target is missing', () => {
    expect(targetNotes({ ...base, target: null, growth_target_pct: null })[0].key).toBe('figures.notes.noTarget')
    expect(targetNotes({ ...base, target: null })[0].key).toBe('figures.notes.noAmountTarget')
    expect(targetNotes({ ...base, growth_target_pct: null })[0].key).toBe('figures.notes.noGrowthTarget')
  })
})
