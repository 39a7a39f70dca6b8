import { describe, expect, it } from 'vitest'
import { appModules, featureModules, menuFor } from './modules'
import zhCore from '@/locales/zh-CN'
import enCore from '@/locales/en'

// The messages the app uses: the core locale files plus every feature module's own block
// (merged the same way as src/locales/index.ts does).
const zh = Object.assign({}, zhCore, ...featureModules.map((f) => f.messages['zh-CN']))
const en = Object.assign({}, enCore, ...featureModules.map((f) => f.messages.en))
const keys = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]))

describe('menuFor', () => {
  it('gives sysadmin everything and others only what they may use', () => {
    const core = ['home', 'tasks', 'org', 'users', 'audit', 'tokens']
    const names = (r: Parameters<typeof menuFor>[0]) => menuFor(r).map((m) => m.name).filter((n) => core.includes(n))
    expect(names('sysadmin')).toEqual(['home', 'tasks', 'org', 'users', 'audit', 'tokens'])
    expect(names('park_admin')).toEqual(['home', 'tasks', 'org', 'tokens'])
    expect(names('enterprise')).toEqual(['home', 'tasks', 'org'])
    expect(menuFor(null)).toEqual([])
  })
  it('gives a read-only leader no settings or entry pages', () => {
    const leader = menuFor('leader').map((m) => m.name)
    for (const name of ['monitoring-entry', 'monitoring-targets', 'monitoring-catalog', 'project-settings', 'enterprise-settings', 'users', 'audit', 'tokens', 'figures-registers'])
      expect(leader).not.toContain(name)
    expect(leader).toContain('monitoring-dashboard')
    expect(menuFor('department').map((m) => m.name)).toContain('figures-registers')
  })
  it('every menu title exists in both locales', () => {
    const get = (o: unknown, k: string) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)?.[p], o)
    for (const m of appModules) {
      expect(typeof get(zh, m.titleKey)).toBe('string')
      expect(typeof get(en, m.titleKey)).toBe('string')
    }
  })
})

describe('menuTree', () => {
  it('puts a module\'s pages under one heading and leaves single pages alone', async () => {
    const { menuTree } = await import('./modules')
    const icon = {} as never
    const mk = (name: string, order: number) => ({ name, path: '/' + name, component: async () => ({}), titleKey: name, icon, order })
    const tree = menuTree('sysadmin', [mk('home', 10), mk('dash', 30), mk('entry', 31), mk('ledger', 40), mk('users', 85), mk('audit', 90)] as never)
    expect(tree.map((e) => (e.kind === 'item' ? e.module.name : `${e.key}:${e.items.map((m) => m.name).join('+')}`))).toEqual([
      'home', 'monitoring:dash+entry', 'ledger', 'system:users+audit',
    ])
  })
})

describe('feature modules', () => {
  it('bring the same message keys in both languages', () => {
    for (const f of featureModules) expect(keys(f.messages.en).sort()).toEqual(keys(f.messages['zh-CN']).sort())
  })
})

describe('locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
})
