import { describe, expect, it } from 'vitest'
import type { EvalScheme, ParkScore } from '@/api/parks'
import { categoryMaxima, radarOption, rankingOption } from './parksCharts'
import { EVIL, isEscaped, tooltipHtml } from './testing/tooltipHtml'

const scheme = {
  code: 't', name: 't', note: '', categories: ['甲', EVIL],
  indicators: [
    { code: 'a', name: 'a', category: '甲', unit: '', source: 'formula', formula: 'a', direction: 'higher', weight: 60, method: 'ratio', benchmark: 1 },
    { code: 'b', name: 'b', category: EVIL, unit: '', source: 'formula', formula: 'b', direction: 'higher', weight: 30, method: 'rank', benchmark: null },
    { code: 'c', name: 'c', category: EVIL, unit: '', source: 'formula', formula: 'c', direction: 'lower', weight: 10, method: 'efficacy', benchmark: null },
  ],
} as EvalScheme
const park = (id: number, name: string, a: number, b: number, rank: number) =>
  ({ park_id: id, park_name: name, is_demo: true, score: a + b, rank, previous_score: null, previous_rank: null, change: null,
     categories: { 甲: a, [EVIL]: b }, indicators: {}, lost: [], variables: {} }) as ParkScore

describe('parksCharts', () => {
  it('scales each radar axis to its category full points', () => {
    expect(categoryMaxima(scheme)).toEqual({ 甲: 60, [EVIL]: 40 })
    const o = radarOption(scheme, park(1, 'A', 30, 40, 2), [park(1, 'A', 30, 40, 2), park(2, 'B', 50, 10, 1)], { park: 'A', best: '最优' })
    expect(o.radar.indicator).toEqual([{ name: '甲', max: 60 }, { name: EVIL, max: 40 }])
    expect(o.series[0].data[0].value).toEqual([30, 40])
    expect(o.series[0].data[1].value).toEqual([50, 40])  // the region's best per category
  })
  it('escapes names in the radar tooltip', () => {
    const o = radarOption(scheme, park(1, EVIL, 30, 40, 1), [park(1, EVIL, 30, 40, 1)], { park: EVIL, best: 'b' })
    for (const html of tooltipHtml(o, [{ name: EVIL, value: [1, 2] }])) expect(isEscaped(html), html).toBe(true)
  })
  it('puts the best park on top of the ranking bars', () => {
    const o = rankingOption([park(1, 'A', 10, 0, 2), park(2, 'B', 20, 0, 1)], { score: '得分' })
    expect(o.yAxis.data).toEqual(['A', 'B'])
    expect(o.series[0].data).toEqual([10, 20])
  })
})
