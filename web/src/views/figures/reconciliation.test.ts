import { describe, expect, it } from 'vitest'
import { formatNumber, sourceKey } from './reconciliation'
import { zh, en } from '@/modules/figures/messages'

describe('reconciliation helpers', () => {
  it('names every source the server sends in both languages', () => {
    for (const s of ['direct', 'enterprise_reports', 'projects', 'registry', 'evaluation', 'parcels', 'x']) {
      const key = sourceKey(s).split('.').slice(2)
      const get = (o: unknown) => key.reduce<unknown>((a, p) => (a as Record<string, unknown>)?.[p], o)
      expect(typeof get(zh.figures.reconciliation)).toBe('string')
      expect(typeof get(en.figures.reconciliation)).toBe('string')
    }
  })
  it('formats numbers and missing values', () => {
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber(1234.567)).toBe('1,234.57')
  })
})
