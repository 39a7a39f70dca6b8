import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('talent messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
  it('interpolate the year totals and the rule text literally', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { t: zh }, en: { t: en } } })
    expect(i18n.global.t('t.yearTotal', { year: 2024, count: 6, amount: '119' })).toBe('2024 年兑现 6 户，合计 119 万元')
    expect(i18n.global.t('t.matchRule')).toContain('急需岗位 10')
  })
})
