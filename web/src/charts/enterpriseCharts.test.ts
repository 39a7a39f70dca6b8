import { describe, expect, it } from 'vitest'
import { alignSeries, deadlineTag, monthRange, monthlyBarsOption, shareOption, trendOption } from './enterpriseCharts'

describe('enterprise charts', () => {
  it('builds month ranges across years', () => {
    expect(monthRange('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02'])
    expect(monthRange('2023-05', '2023-04')).toEqual([])
  })
  it('aligns reported values and leaves gaps null', () => {
    const rows = [{ period: '2023-01', values: { output: 10 } }, { period: '2023-03', values: { output: 30 } }]
    expect(alignSeries(rows, ['2023-01', '2023-02', '2023-03'], 'output')).toEqual([10, null, 30])
  })
  it('trend option has one line per field', () => {
    const o = trendOption([], ['2023-01'], [{ code: 'output', name: '工业总产值' }, { code: 'revenue', name: '营业收入' }], '万元')
    expect(o.series.map((s) => s.name)).toEqual(['工业总产值', '营业收入'])
    expect(o.yAxis.name).toBe('万元')
  })
  it('share option drops empty groups and rounds', () => {
    const o = shareOption([{ name: '煤化工', total: 1.234 }, { name: '其他', total: 0 }], '产值')
    expect(o.series[0].data).toEqual([{ name: '煤化工', value: 1.23 }])
  })
  it('monthly bars have twelve months', () => {
    const o = monthlyBarsOption(Array(12).fill(1), Array(12).fill(null), { this: '2023', last: '2022', unit: '万元' })
    expect(o.xAxis.data).toHaveLength(12)
    expect(o.series[1].name).toBe('2023')
  })
  it('deadline tags', () => {
    expect(deadlineTag('done', -5)).toBe('success')
    expect(deadlineTag('overdue', -1)).toBe('danger')
    expect(deadlineTag('due', 2)).toBe('warning')
    expect(deadlineTag('due', 9)).toBe('info')
  })
})
