// Issue 10 (stored XSS): every chart builder, given names carrying an <img onerror> payload, yields
// tooltips whose HTML has it escaped — checked per builder.
import { describe, expect, it } from 'vitest'
import type { LandMap, Parcel } from '@/api/land'
import type { MonitoringRow } from '@/api/monitoring'
import type { Task } from '@/api/tasks'
import { monthlyBarsOption, shareOption, trendOption as enterpriseTrend } from './enterpriseCharts'
import { classDistributionOption, migrationOption, perMuOption, whatIfOption } from './evaluationCharts'
import { landMapOption } from './landMap'
import { cumulativeOption, gaugeOption, subParkOption, trendOption as monitoringTrend } from './monitoringCharts'
import { chainTreeOption, cohortOption, ratesOption } from './projectCharts'
import { ganttRow, timelineOption, type TimelineLabels } from './projectTimeline'
import { tasksByGroupOption, unitWorkloadOption } from './taskCharts'
import { EVIL, isEscaped, tooltipHtml } from './testing/tooltipHtml'

const items = [{ name: EVIL, seriesName: EVIL, dataIndex: 0 }]
function expectSafe(option: unknown, its = items) {
  for (const html of tooltipHtml(option, its)) expect(isEscaped(html), html).toBe(true)
}

describe('landMap', () => {
  const parcel = { id: 1, code: EVIL, name: EVIL, area_mu: 10, holder_name: EVIL, holder_enterprise_id: null, inefficiency_kinds: [], standard_status: 'none' } as unknown as Parcel
  const fc: LandMap = {
    type: 'FeatureCollection', date: '2023-12-31', crs: 'projected',
    features: [{ type: 'Feature', id: 1, properties: parcel, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }],
  }
  it('escapes parcel code, name and holder in the tooltip', () => {
    const o = landMapOption(fc, 'kind', 'm', { category: () => EVIL, area: '面积', holder: '用地单位', mu: '亩' })
    const html = tooltipHtml(o, [{ name: '1' }])
    expect(html).toHaveLength(1)
    expect(html[0]).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(isEscaped(html[0])).toBe(true)
    expect(html[0]).toContain('<b>') // our own markup stays
  })
})

describe('projectTimeline', () => {
  const L: TimelineLabels = {
    stage: () => EVIL, planned: EVIL, actual: EVIL, current: EVIL, today: '今日', suspended: EVIL, terminated: EVIL,
    overdue: () => EVIL, late: () => EVIL,
  }
  it('escapes the project name and labels', () => {
    const row = ganttRow({ id: 7, name: EVIL, stage: 'landed', planned: { signed: '2023-01-01' }, actual: { signed: '2023-02-01' }, suspended_on: null, terminated_on: '2023-06-01' }, '2024-03-01')
    const html = tooltipHtml(timelineOption([row], '2024-03-01', L), [{ dataIndex: 0 }])
    expect(html).toHaveLength(1)
    expect(html[0]).toContain('&lt;img')
    expect(isEscaped(html[0])).toBe(true)
  })
})

describe('enterpriseCharts', () => {
  it('trend, share and monthly bars', () => {
    expectSafe(enterpriseTrend([], ['2023-01'], [{ code: 'output', name: EVIL }], EVIL))
    const share = shareOption([{ name: EVIL, total: 1 }], EVIL)
    expect(tooltipHtml(share, items)[0]).toContain('&lt;img') // ECharts escapes its template
    expectSafe(share)
    expectSafe(monthlyBarsOption([1], [2], { this: EVIL, last: EVIL, unit: EVIL }))
  })
})

describe('evaluationCharts', () => {
  const d = { above_scale: { A: 1, B: 1, C: 1, D: 1, T: 1 }, below_scale: { A: 1, B: 1, C: 1, D: 1, T: 1 } }
  const classes = { A: EVIL, B: EVIL, C: EVIL, D: EVIL, T: EVIL }
  it('distribution, what-if, migration and per-mu', () => {
    expectSafe(classDistributionOption(d, { groups: { above_scale: EVIL, below_scale: EVIL }, classes }))
    expectSafe(whatIfOption(d, d, { before: EVIL, after: EVIL, classes }))
    expectSafe(migrationOption({ matrix: {} } as never, { from: EVIL, to: EVIL }))
    expectSafe(perMuOption([{ name: EVIL, tax_per_mu: 1, output_per_mu: 2 }] as never, { tax: EVIL, output: EVIL }))
  })
})

describe('monitoringCharts', () => {
  const row = {
    code: 'fai', name: EVIL, name_zh: EVIL, name_en: EVIL, unit: EVIL, kind: 'flow', higher_is_better: true, decimals: 2, source: 'direct',
    month: 1, month_last_year: 1, ytd: 1, ytd_complete: true, ytd_last_year: 1, yoy_pct: 1, month_yoy_pct: 1, target: 2, completion_pct: 50,
    time_progress: 50, gap: 0, status: 'red', status_zh: EVIL, projected_year_end: 2, required_monthly_avg: 1,
    series: { this_year: Array(12).fill(1), last_year: Array(12).fill(1) },
  } as unknown as MonitoringRow
  it('gauge, trend, cumulative and sub-park bars', () => {
    expectSafe(gaugeOption(row, { completion: EVIL, timeProgress: EVIL }))
    expectSafe(monitoringTrend(row, { thisYear: EVIL, lastYear: EVIL, months: Array(12).fill(EVIL) }))
    expectSafe(cumulativeOption(row, 6, { cumulative: EVIL, lastYear: EVIL, target: EVIL, timeTarget: EVIL, months: Array(12).fill(EVIL) }))
    expectSafe(subParkOption([{ park_id: 1, name: EVIL, state: 'open', indicators: [{ ...row, code: 'fai' }] } as never], 'fai', { ytd: EVIL, completion: EVIL }))
  })
})

describe('projectCharts', () => {
  it('rates, cohorts and the chain tree', () => {
    expectSafe(ratesOption([{ name: EVIL, value_pct: 50 } as never], EVIL))
    expectSafe(cohortOption([{ year: 2023, reached: [1, 1, 1, 1, 1] }], Array(5).fill(EVIL)))
    expectSafe(chainTreeOption({ name: EVIL, children: [] } as never))
  })
})

describe('taskCharts', () => {
  const tasks: Task[] = [{ no: 1, group: EVIL, title: EVIL, lead_units: [EVIL], responsible_units: [EVIL], note: '' }]
  it('tasks by group and unit workload', () => {
    const pie = tasksByGroupOption(tasks, EVIL)
    expect(tooltipHtml(pie, items)[0]).toContain('&lt;img')
    expectSafe(pie)
    expectSafe(unitWorkloadOption(tasks, { lead: EVIL, responsible: EVIL }))
  })
})
