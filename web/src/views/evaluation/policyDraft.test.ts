import { describe, expect, it } from 'vitest'
import { addItem, addYear, itemError, removeItem, removeYear, rowsOf, sameConfig, toBody, toDraft, MAX_SURCHARGE_YEARS } from './policyDraft'
import type { PolicyConfig } from '@/api/evaluation'

const config: PolicyConfig = {
  items: [
    { class: 'A', resource: 'land', measure: '优先用地', rate: null, unit: '' },
    { class: 'C', resource: 'energy', measure: '从严审核', rate: null, unit: '' },
    { class: 'D', resource: 'electricity', measure: '加价', rate: 0.05, unit: '元/千瓦时' },
  ],
  surcharge: { yuan_per_kwh: [0.05, 0.1, 0.15] },
}

describe('policy draft', () => {
  it('round-trips and detects changes', () => {
    const d = toDraft(config)
    expect(toBody(d)).toEqual(config)
    const e = toDraft(config)
    expect(sameConfig(d, e)).toBe(true)
    e.items[2].rate = 0.06
    expect(sameConfig(d, e)).toBe(false)
  })

  it('trims text and sends empty rates as null', () => {
    const d = toDraft(config)
    d.items[0].measure = '  优先用地 '
    d.items[1].rate = Number.NaN
    expect(toBody(d).items[0].measure).toBe('优先用地')
    expect(toBody(d).items[1].rate).toBeNull()
    expect(sameConfig(d, toDraft(config))).toBe(true)
  })

  it('inserts a new item after its class so that server indices match', () => {
    const d = toDraft(config)
    expect(addItem(d, 'A')).toBe(1)
    expect(addItem(d, 'B')).toBe(2) // no B yet: after the A items, before C
    expect(addItem(d, 'D')).toBe(5)
    expect(d.items.map((i) => i.class).join('')).toBe('AABCDD')
    expect(rowsOf(d, 'D').map((r) => r.index)).toEqual([4, 5])
    removeItem(d, 1)
    expect(rowsOf(d, 'B').map((r) => r.index)).toEqual([1])
    const empty = toDraft({ items: [], surcharge: { yuan_per_kwh: [0.1] } })
    expect(addItem(empty, 'C')).toBe(0)
  })

  it('adds years repeating the last rate, keeps at least one and at most ten', () => {
    const d = toDraft(config)
    addYear(d)
    expect(d.rates).toEqual([0.05, 0.1, 0.15, 0.15])
    for (let i = 0; i < 20; ++i) addYear(d)
    expect(d.rates.length).toBe(MAX_SURCHARGE_YEARS)
    for (let i = 0; i < 20; ++i) removeYear(d)
    expect(d.rates).toEqual([0.05])
  })

  it('finds item errors without a column', () => {
    expect(itemError({ 'items[3].class': '等级应为 A、B、C、D 之一' }, 3)).toContain('A')
    expect(itemError({ 'items[3].measure': 'x' }, 3)).toBeUndefined()
  })
})
