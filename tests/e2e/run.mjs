// Browser tests for the ParkHQ web app.
//   node tests/e2e/run.mjs                     (BASE_URL defaults to http://127.0.0.1:8080)
//   BASE_URL=http://127.0.0.1:8090 E2E_FILTER=phone node tests/e2e/run.mjs
// Discovers tests/e2e/*.spec.mjs; every exported async function of a spec is a test, called with
// the context built in lib.mjs ({ browser, baseUrl, newPage, login, screenshot, expect, ... }).
// Prints one line per test, then "N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchBrowser, makeContext } from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const filter = process.env.E2E_FILTER || ''

const specs = fs.readdirSync(here).filter((f) => f.endsWith('.spec.mjs')).sort()
const tests = []
for (const f of specs) {
  const mod = await import(pathToFileURL(path.join(here, f)).href)
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function' || name.startsWith('_')) continue
    const full = `${f.replace(/\.spec\.mjs$/, '')} › ${name}`
    if (!filter || full.includes(filter)) tests.push({ name: full, fn })
  }
}

let passed = 0
let failed = 0
let browser
try {
  browser = await launchBrowser()
} catch (e) {
  console.log(`FAIL launch browser: ${e.message}`)
  console.log(`0 passed, ${tests.length || 1} failed`)
  process.exit(1)
}
for (const t of tests) {
  const ctx = makeContext(browser, t.name)
  const start = Date.now()
  try {
    await t.fn(ctx)
    passed++
    console.log(`PASS ${t.name} (${Date.now() - start} ms)`)
  } catch (e) {
    failed++
    console.log(`FAIL ${t.name} (${Date.now() - start} ms): ${(e && e.message) || e}`)
    await ctx.screenshotOnFailure().catch(() => undefined)
  } finally {
    await ctx.close().catch(() => undefined)
  }
}
await browser.close().catch(() => undefined)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || tests.length === 0 ? 1 : 0)
