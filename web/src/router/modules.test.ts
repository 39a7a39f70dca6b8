import { describe, expect, it } from 'vitest'
import { appModules, featureModules, menuFor } from './modules'
import zh from '@/locales/zh-CN'
import en from '@/locales/en'
import { appModules, menuFor } from './modules'
import { i18n } from '@/locales'

// The merged messages: the core locale files plus every feature module's block.
const zh = i18n.global.getLocaleMessage('zh-CN')
const en = i18n.global.getLocaleMessage('en')
import zhCore from '@/locales/zh-CN'
import enCore from '@/locales/en'

// Menu titles come from the core locales and from the feature modules' own message blocks.
const zh = Object.assign({}, zhCore, ...featureModules.map((f) => f.messages['zh-CN']))
const en = Object.assign({}, enCore, ...featureModules.map((f) => f.messages.en))

describe('menuFor', () => {
  it('gives sysadmin everything and others only what they may use', () => {
    const core = ['home', 'tasks', 'org', 'users', 'audit', 'tokens']
    const names = (r: Parameters<typeof menuFor>[0]) => menuFor(r).map((m) => m.name).filter((n) => core.includes(n))
    expect(names('sysadmin')).toEqual(['home', 'tasks', 'org', 'users', 'audit', 'tokens'])
    expect(names('park_admin')).toEqual(['home', 'tasks', 'org', 'tokens'])
    expect(names('enterprise')).toEqual(['home', 'tasks', 'org'])
    expect(menuFor(null)).toEqual([])
  })
  it('every menu title exists in both locales', () => {
    const get = (o: unknown, k: string) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)?.[p], o)
    // Feature modules bring their own messages (src/modules/<name>/index.ts): check the merged ones.
    const merged = (base: unknown, lang: 'zh-CN' | 'en') =>
      Object.assign({}, base, ...featureModules.map((f) => f.messages[lang]))
    for (const m of appModules) {
      expect(typeof get(merged(zh, 'zh-CN'), m.titleKey)).toBe('string')
      expect(typeof get(merged(en, 'en'), m.titleKey)).toBe('string')
    // Feature modules bring their own message blocks (merged like src/locales/index.ts does).
    const zhAll = Object.assign({}, zh, ...featureModules.map((f) => f.messages['zh-CN']))
    const enAll = Object.assign({}, en, ...featureModules.map((f) => f.messages.en))
    for (const m of appModules) {
    // Feature modules bring their own blocks (merged the same way as in src/locales/index.ts).
    const zhAll = Object.assign({}, zh, ...featureModules.map((f) => f.messages['zh-CN']))
    const enAll = Object.assign({}, en, ...featureModules.map((f) => f.messages.en))
    for (const m of appModules) {
      expect(typeof get(zhAll, m.titleKey)).toBe('string')
      expect(typeof get(enAll, m.titleKey)).toBe('string')
    }
  })
})

describe('feature modules', () => {
  it('bring the same message keys in both languages', async () => {
    const { featureModules } = await import('./modules')
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]))
    for (const f of featureModules) expect(keys(f.messages.en).sort()).toEqual(keys(f.messages['zh-CN']).sort())
  })
})

describe('locales', () => {
  const keys = (o: object, p = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]))
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
})
