// Issue 11: reconciliation, register keepers and screens per role. The walk visits every menu page
// as every role on a phone and fails on console errors and horizontal scroll (item 8).
import { PHONE } from './lib.mjs'

const ROLES = [
  ['admin', 'Admin@2023demo'],
  ['parkadmin', 'Park@2023demo'],
  ['gxj', 'Dept@2023demo'],
  ['leader', 'Leader@2023demo'],
  ['qiye', 'Ent@2023demo'],
]

export async function walkEveryPageAsEveryRole({ newPage, login, expect, hasHorizontalScroll, baseUrl }) {
  const problems = []
  for (const [user, password] of ROLES) {
    const page = await newPage({ viewport: PHONE })
    const errors = []
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
    page.on('pageerror', (e) => errors.push(String(e)))
    await login(page, user, password)
    await page.waitForTimeout(500)
    const names = await page.evaluate(async () => {
      const r = await fetch('/api/v1/me', { credentials: 'include' })
      return r.ok ? (await r.json()).user.role : ''
    })
    expect(names, `${user} is logged in`)
    // Every route of the menu for this role: read from the app's router.
    const routes = await page.evaluate(() => {
      const app = document.querySelector('#app').__vue_app__
      const router = app.config.globalProperties.$router
      const auth = app.config.globalProperties.$pinia._s.get('auth')
      return router.getRoutes()
        .filter((r) => r.meta && r.meta.menu !== false && !r.path.includes(':') && !r.meta.public)
        .filter((r) => !r.meta.roles || r.meta.roles.includes(auth.role))
        .map((r) => r.path)
    })
    expect(routes.length > 2, `${user} has pages: ${routes}`)
    for (const path of routes) {
      errors.length = 0
      await page.goto(`${baseUrl}${path}`)
      await page.waitForLoadState('networkidle').catch(() => undefined)
      await page.waitForTimeout(300)
      if (errors.length) problems.push(`${user} ${path}: console ${errors.slice(0, 2).join(' | ')}`)
      if (await hasHorizontalScroll(page)) problems.push(`${user} ${path}: horizontal scroll at 390px`)
    }
  }
  expect(problems.length === 0, problems.join('\n'))
}

export async function leaderSeesNoSettingsAndReadsTheReconciliation({ newPage, login, expect, baseUrl, screenshot }) {
  const page = await newPage()
  await login(page, 'leader', 'Leader@2023demo')
  for (const name of ['monitoring-entry', 'monitoring-targets', 'project-settings', 'enterprise-settings', 'figures-registers'])
    expect((await page.getByTestId(`menu-${name}`).count()) === 0, `no ${name} in a leader's menu`)
  await page.goto(`${baseUrl}/monitoring/reconciliation?period=2023-06`)
  await page.getByTestId('reconciliation-table').waitFor()
  expect((await page.getByTestId('explain-output').count()) === 0, 'a leader is not offered to explain')
  await screenshot(page, 'figures-reconciliation-leader')
}

export async function departmentSeesItsRegisters({ newPage, login, expect, baseUrl, screenshot }) {
  const page = await newPage()
  await login(page, 'gxj', 'Dept@2023demo')
  await page.goto(`${baseUrl}/registers`)
  await page.getByTestId('registers-table').getByText('招商服务中心').first().waitFor()
  const text = await page.getByTestId('registers-table').innerText()
  expect(text.includes('工信局') && text.includes('招商服务中心'), 'the plan assignment is listed')
  expect((await page.getByTestId('registers-save').count()) === 0, 'a department cannot change it')
  await screenshot(page, 'figures-registers-department')
}
