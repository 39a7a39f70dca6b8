import { describe, expect, it } from 'vitest'
import zh from './zh-CN'
import en from './en'

// Every key has both languages (a missing English text would show the key on screen).
function keys(o: unknown, prefix = ''): string[] {
  if (Array.isArray(o)) return [`${prefix}[${o.length}]`]
  if (o && typeof o === 'object')
    return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  return [prefix]
}

describe('safety messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
  it('name every hazard state and level', () => {
    for (const s of ['open', 'rectified', 'closed', 'reopened']) expect(zh.state[s as keyof typeof zh.state]).toBeTruthy()
    for (const l of ['general', 'major']) expect(zh.level[l as keyof typeof zh.level]).toBeTruthy()
  })
})
