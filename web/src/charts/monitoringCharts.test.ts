import { describe, expect, it } from 'vitest'
import type { MonitoringRow, SubPark } from '@/api/monitoring'
import { cumulativeOf, cumulativeOption, formatPct, formatValue, gaugeOption, STATUS_COLORS, subParkOption, timeTargetLine, trendOption } from './monitoringCharts'

const row = (over: Partial<MonitoringRow> = {}): MonitoringRow => ({
  code: 'fai', name: '固定资产投资', name_zh: '固定资产投资', name_en: 'FAI', unit: '万元', kind: 'flow', higher_is_better: true, decimals: 2,
  source: 'direct', month: 300, month_last_year: 250, ytd: 1000, ytd_complete: true, ytd_last_year: 900, yoy_pct: 11.11, month_yoy_pct: 20,
  target: 2400, completion_pct: 41.67, time_progress: 50, gap: -8.33, status: 'red', status_zh: '滞后', projected_year_end: 2200,
  required_monthly_avg: 233.33,
  series: { this_year: [100, 200, 150, 100, 150, 300, null, null, null, null, null, null], last_year: [90, 180, 130, 100, 150, 250, 200, 200, 200, 200, 200, 200] },
  ...over,
})

describe('cumulativeOf', () => {
  it('adds a flow up and stops at the first missing month', () => {
    expect(cumulativeOf([1, 2, null, 4, null, null, null, null, null, null, null, null], 'flow').slice(0, 4)).toEqual([1, 3, null, null])
  })
  it('keeps a stock level as it is', () => {
    expect(cumulativeOf([10, 12, null, 9, null, null, null, null, null, null, null, null], 'stock').slice(0, 4)).toEqual([10, 12, null, 9])
  })
  it('drops binary noise', () => {
    expect(cumulativeOf([0.1, 0.2, null, null, null, null, null, null, null, null, null, null], 'flow')[1]).toBe(0.3)
  })
})

describe('timeTargetLine', () => {
  it('prorates a flow target by month and keeps a stock target flat', () => {
    expect(timeTargetLine(1200, 'flow').slice(0, 3)).toEqual([100, 200, 300])
    expect(timeTargetLine(1200, 'flow')[11]).toBe(1200)
    expect(timeTargetLine(500, 'stock')[0]).toBe(500)
    expect(timeTargetLine(null, 'flow')[5]).toBeNull()
  })
})

describe('formatting', () => {
  it('formats figures and percentages, with a dash when missing', () => {
    expect(formatValue(13411.19, 2)).toBe('13,411.19')
    expect(formatValue(8700, 0)).toBe('8,700')
    expect(formatValue(null)).toBe('—')
    expect(formatPct(42.7123)).toBe('42.71%')
    expect(formatPct(null)).toBe('—')
  })
})

describe('gaugeOption', () => {
  it('shows completion coloured by status with the time progress on the dial', () => {
    const o = gaugeOption(row(), { completion: '完成率', timeProgress: '序时进度' })
    const s = o.series[0]
    expect(s.data[0].value).toBe(41.67)
    expect(s.data[0].name).toBe('序时进度 50.0%')
    expect(s.progress.itemStyle.color).toBe(STATUS_COLORS.red)
    expect(s.max).toBe(120)
  })
  it('widens the dial past 120% and treats a missing completion as 0', () => {
    expect(gaugeOption(row({ completion_pct: 151 }), { completion: '', timeProgress: '' }).series[0].max).toBe(160)
    expect(gaugeOption(row({ completion_pct: null }), { completion: '', timeProgress: '' }).series[0].data[0].value).toBe(0)
  })
})

describe('trend and cumulative options', () => {
  it('draws this year and last year month by month', () => {
    const o = trendOption(row(), { thisYear: '2023', lastYear: '2022', months: Array(12).fill('m') })
    expect(o.series.map((s) => s.name)).toEqual(['2023', '2022'])
    expect(o.series[0].data[5]).toBe(300)
    expect(o.series[1].data[11]).toBe(200)
  })
  it('stacks cumulative bars up to the period, with the target line and the pro-rata target', () => {
    const o = cumulativeOption(row(), 6, { cumulative: '本年累计', lastYear: '上年累计', target: '目标', timeTarget: '序时目标', months: Array(12).fill('m') })
    const bars = o.series[0] as { data: { value: number | null; itemStyle: { color: string } }[]; markLine: { data: { yAxis: number }[] } }
    expect(bars.data.map((d) => d.value).slice(0, 7)).toEqual([100, 300, 450, 550, 700, 1000, null])
    expect(bars.data[5].itemStyle.color).toBe(STATUS_COLORS.red)
    expect(bars.markLine.data[0].yAxis).toBe(2400)
    expect((o.series[2] as { data: number[] }).data[5]).toBe(1200)
  })
  it('has no target lines without a target', () => {
    const o = cumulativeOption(row({ target: null }), 6, { cumulative: 'c', lastYear: 'l', target: 't', timeTarget: 'tt', months: Array(12).fill('m') })
    expect(o.series).toHaveLength(2)
    expect((o.series[0] as { markLine?: unknown }).markLine).toBeUndefined()
  })
})

describe('subParkOption', () => {
  const sp = (name: string, ytd: number, completion: number | null, status: 'green' | 'red' | 'none'): SubPark => ({
    park_id: 1, name, state: 'approved',
    indicators: [{ code: 'fai', month: 1, ytd, ytd_last_year: null, yoy_pct: null, target: null, completion_pct: completion, gap: null, status }],
  })
  it('lists sub-parks top-down with their completion as the label', () => {
    const o = subParkOption([sp('甲园', 500, 60, 'green'), sp('乙园', 300, 30, 'red')], 'fai', { ytd: '累计', completion: '完成率' })
    expect(o.yAxis.data).toEqual(['乙园', '甲园'])
    expect(o.series[0].data.map((d) => d.value)).toEqual([300, 500])
    expect(o.series[0].label.formatter({ dataIndex: 1 })).toBe('60.00%')
  })
  it('labels with the figure when there is no target', () => {
    const o = subParkOption([sp('丙园', 1234.5, null, 'none')], 'fai', { ytd: '累计', completion: '完成率' })
    expect(o.series[0].label.formatter({ dataIndex: 0 })).toBe('1,234.50')
  })
})
