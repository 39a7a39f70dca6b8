import { describe, expect, it } from 'vitest'
import { classDistributionOption, classTotals, migrationOption, perMuOption, whatIfOption } from './evaluationCharts'
import type { Distribution, MigrationResponse } from '@/api/evaluation'

const d: Distribution = {
  above_scale: { A: 2, B: 4, C: 5, D: 1, T: 1 },
  below_scale: { A: 1, B: 2, C: 3, D: 1, T: 0 },
}
const classes = { A: 'A类', B: 'B类', C: 'C类', D: 'D类', T: '不定等级' }

describe('evaluation charts', () => {
  it('totals classes over groups', () => {
    expect(classTotals(d)).toEqual({ A: 3, B: 6, C: 8, D: 2, T: 1 })
    expect(classTotals(d, ['below_scale']).C).toBe(3)
  })
  it('stacks one series per class', () => {
    const o = classDistributionOption(d, { groups: { above_scale: '规上', below_scale: '规下' }, classes })
    expect(o.series).toHaveLength(5)
    expect(o.series[0].data).toEqual([2, 1])
    expect(o.yAxis.data).toEqual(['规上', '规下'])
  })
  it('compares before and after a what-if', () => {
    const after: Distribution = { ...d, above_scale: { A: 1, B: 5, C: 5, D: 1, T: 1 } }
    const o = whatIfOption(d, after, { before: '调整前', after: '调整后', classes })
    expect(o.series[0].data).toEqual([3, 6, 8, 2, 1])
    expect(o.series[1].data.map((x: { value: number }) => x.value)).toEqual([2, 7, 8, 2, 1])
  })
  it('draws the migration matrix as a heat map', () => {
    const m = { matrix: { A: { A: 3, B: 1, C: 0, D: 0, T: 0 }, B: { A: 2, B: 0, C: 0, D: 0, T: 0 } } } as unknown as MigrationResponse
    const o = migrationOption(m, { from: '上年', to: '本年' })
    expect(o.series[0].data).toContainEqual([1, 0, 1])
    expect(o.series[0].data).toContainEqual([0, 1, 2])
    expect(o.visualMap.max).toBe(3)
  })
  it('orders per-mu bars top-down', () => {
    const row = (name: string, t: number | null) => ({ key: name, name, enterprises: 1, land_mu: 1, tax: 1, output: 1, value_added: 1, tax_per_mu: t, output_per_mu: 2, value_added_per_mu: 1 })
    const o = perMuOption([row('一园', 1.234), row('二园', null)], { tax: '亩均税收', output: '亩均产值' })
    expect(o.yAxis.data).toEqual(['二园', '一园'])
    expect(o.series[0].data).toEqual([0, 1.23])
  })
})
