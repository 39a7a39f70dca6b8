import { describe, expect, it } from 'vitest'
import { filterResults, fmt, schemeIndicators } from './evalFormat'
import type { ResultRow } from '@/api/evaluation'

describe('evaluation helpers', () => {
  it('formats numbers and missing values', () => {
    expect(fmt(null)).toBe('—')
    expect(fmt(1234.5)).toBe('1,234.50')
    expect(fmt(0.02534, 4)).toBe('0.0253')
  })
  it('lists scheme indicators once, in order', () => {
    const s = { groups: [
      { code: 'above_scale', indicators: [{ code: 'tax_per_mu' }, { code: 'rnd_intensity' }] },
      { code: 'below_scale', indicators: [{ code: 'tax_per_mu' }, { code: 'tax_per_kwh' }] },
    ] } as never
    expect(schemeIndicators(s)).toEqual(['tax_per_mu', 'rnd_intensity', 'tax_per_kwh'])
  })
  it('filters results', () => {
    const rows = [
      { enterprise_id: 1, enterprise_name: '华亭甲', group: 'above_scale', class: 'A' },
      { enterprise_id: 2, enterprise_name: '关山乙', group: 'below_scale', class: 'D' },
    ] as ResultRow[]
    expect(filterResults(rows, { group: 'below_scale' }).map((r) => r.enterprise_id)).toEqual([2])
    expect(filterResults(rows, { keyword: '华亭' }).map((r) => r.enterprise_id)).toEqual([1])
    expect(filterResults(rows, { keyword: '2' }).map((r) => r.enterprise_id)).toEqual([2])
    expect(filterResults(rows, { cls: 'A' })).toHaveLength(1)
  })
})
