import { describe, expect, it } from 'vitest'
import { fmt, pct, todayIso } from './landFormat'

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
})
