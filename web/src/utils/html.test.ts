import { describe, expect, it } from 'vitest'
import { escapeHtml } from './html'

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(escapeHtml("a & b's")).toBe('a &amp; b&#39;s')
  })
  it('leaves other text alone, including Chinese', () => {
    expect(escapeHtml('华亭工业园区（演示）')).toBe('华亭工业园区（演示）')
  })
  it('escapes once (an entity in the data is shown, not decoded)', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;')
  })
  it('takes numbers, null and undefined', () => {
    expect(escapeHtml(12.5)).toBe('12.5')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
  })
})
