// Shared helpers for tests/e2e/*.spec.mjs. playwright-core comes from web/node_modules
// (a devDependency of the web app); the browser is Debian's chromium, never a downloaded one.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.resolve(here, '../../web/package.json'))
const { chromium } = require('playwright-core')

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
export const ADMIN_USER = process.env.E2E_ADMIN_USER || 'admin'
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || 'Admin@2023demo'
export const SCREENSHOTS = path.join(here, 'screenshots')
export const DESKTOP = { width: 1440, height: 900 }
export const PHONE = { width: 390, height: 844 }

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export class AssertionError extends Error {}
export function expect(cond, message) {
  if (!cond) throw new AssertionError(message)
}

/** The <input> of an Element Plus el-input that carries data-testid (EP puts the attribute on the input). */
export function input(page, testId) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

const slug = (s) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '')

/** The object every test function receives. One browser context per test (own cookies). */
export function makeContext(browser, testName) {
  const contexts = []
  const pages = []
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const ctx = {
    browser,
    baseUrl: BASE_URL,
    adminUser: ADMIN_USER,
    adminPassword: ADMIN_PASSWORD,
    expect,
    input,
    /** A fresh page; opts: { viewport, locale, isMobile }. */
    async newPage(opts = {}) {
      const isPhone = opts.viewport && opts.viewport.width <= 480
      const c = await browser.newContext({
        viewport: opts.viewport || DESKTOP,
        locale: opts.locale || 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: opts.isMobile ?? isPhone,
        hasTouch: opts.isMobile ?? isPhone,
        deviceScaleFactor: 1,
      })
      c.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 15000))
      contexts.push(c)
      const page = await c.newPage()
      pages.push(page)
      return page
    },
    /** Logs in through the login form and waits for the main layout. */
    async login(page, username = ADMIN_USER, password = ADMIN_PASSWORD) {
      await page.goto(`${BASE_URL}/login`)
      await input(page, 'login-username').fill(username)
      await input(page, 'login-password').fill(password)
      await page.getByTestId('login-submit').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    },
    /** Saves tests/e2e/screenshots/<name>.png (full page). */
    async screenshot(page, name) {
      const file = path.join(SCREENSHOTS, `${slug(name)}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    /** True when the document is wider than the viewport (a horizontal scroll bar). */
    async hasHorizontalScroll(page) {
      return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1 || document.body.scrollWidth > window.innerWidth + 1)
    },
    async screenshotOnFailure() {
      const p = pages[pages.length - 1]
      if (p && !p.isClosed()) await p.screenshot({ path: path.join(SCREENSHOTS, `FAILED-${slug(testName)}.png`), fullPage: true })
    },
    async close() {
      for (const c of contexts) await c.close()
    },
  }
  return ctx
}
