// The server sends `Content-Security-Policy: script-src 'self'` (no inline scripts, no eval). The
// page and the app's own code must work under it: index.html loads only external module scripts and
// no source file builds code from strings or writes HTML event handlers.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|vue)$/.test(n) && !n.endsWith('.test.ts') ? [p] : []
  })
}

describe('CSP readiness', () => {
  it('index.html has no inline script or handler', () => {
    const html = readFileSync(join(__dirname, '..', 'index.html'), 'utf8')
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect(s).toMatch(/\ssrc=/)
      expect(s.replace(/<script\b[^>]*>/, '').replace('</script>', '').trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
  })
  it('no source uses eval, new Function, string timers or v-html', () => {
    for (const f of files(join(__dirname))) {
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')  // code, not comments
      expect(src, f).not.toMatch(/\beval\s*\(|new Function\s*\(|set(Timeout|Interval)\(\s*['"`]|v-html|innerHTML|dangerouslyUseHTMLString/)
    }
  })
})
