import { describe, expect, it } from 'vitest'
import type { Parcel } from '@/api/land'
import { fmt, parcelRows, pct, todayIso } from './landFormat'

describe('land format helpers', () => {
  it('formats numbers and fractions', () => {
    expect(fmt(1234.5)).toBe('1,234.50')
    expect(fmt(null)).toBe('—')
    expect(pct(0.3)).toBe('30.0%')
    expect(pct(undefined)).toBe('—')
  })
  it('takes today in Beijing time', () => {
    expect(todayIso(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01')
  })
  it('builds export rows', () => {
    const p = { code: 'A', name: 'n', park_id: 2, area_mu: 1.234, land_use: '工业用地', holder_name: 'h', stage: 'producing', standard_status: 'passed', inefficiency_kinds: ['used_not_fully'], approved: '2020-01-01', supplied: null } as unknown as Parcel
    const rows = parcelRows([p], (id) => `园${id}`, (k) => k)
    expect(rows[0].slice(0, 9)).toEqual(['A', 'n', '园2', '1.23', '工业用地', 'h', 'land.stageName.producing', 'land.standardName.passed', ['land.kind.used_not_fully']])
  })
})
