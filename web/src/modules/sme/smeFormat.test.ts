import { describe, expect, it } from 'vitest'
import { floorsOf, monthOf, num } from './smeFormat'
import type { Unit } from './api'

const u = (id: number, floor: number, position: number, code: string): Unit => ({
  id, building_id: 1, floor, position, code, use_kind: 'factory', area: 100, rent_standard: 10,
  status: 'vacant', lease_id: null, tenant: '', is_demo: false,
})

describe('floorsOf', () => {
  it('groups by floor, top floor first, by position then code', () => {
    const f = floorsOf([u(1, 1, 2, '1-102'), u(2, 2, 1, '1-201'), u(3, 1, 1, '1-101'), u(4, 1, 1, '1-100')])
    expect(f.map((x) => x.floor)).toEqual([2, 1])
    expect(f[1].units.map((x) => x.code)).toEqual(['1-100', '1-101', '1-102'])
  })
  it('is empty without units', () => {
    expect(floorsOf([])).toEqual([])
  })
})

describe('num and monthOf', () => {
  it('formats numbers and dashes the missing', () => {
    expect(num(1234.567)).toBe('1,234.57')
    expect(num(null)).toBe('—')
    expect(num(Number.NaN)).toBe('—')
  })
  it('takes the month of a date', () => {
    expect(monthOf('2026-12-08')).toBe('2026-12')
  })
})
