import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'

// The template hint shows a placeholder literally: braces and the pipe must not be read as
// vue-i18n interpolation or plural syntax.
describe('briefings messages', () => {
  it('show placeholders literally', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { b: zh }, en: { b: en } } })
    expect(i18n.global.t('b.templateHint')).toContain('{output.ytd|亿元}')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('b.templateHint')).toContain('{output.ytd|亿元}')
    expect(i18n.global.t('b.remindDone', { enterprises: 3, users: 5, notified: 5 })).toContain('5 users of 3')
  })
})
