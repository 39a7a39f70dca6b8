// Operations (issue 17): the API documentation page renders the server's OpenAPI document offline
// (every operation of the document is listed; search narrows it), and the system status page shows
// the engine, the version and the sessions to the system administrator; both fit a 390 px phone.
import { PHONE } from './lib.mjs'

export async function apiDocsListEveryOperation({ newPage, login, screenshot, expect, input, baseUrl }) {
  const page = await newPage()
  await login(page)
  const doc = await (await page.request.get(`${baseUrl}/api/v1/openapi.json`)).json()
  const total = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0)
  await page.getByTestId('menu-api-docs').click()
  await page.waitForURL(/\/system\/api$/)
  await page.getByTestId('api-tag-users').waitFor()
  const countText = await page.locator('.intro .count').innerText()
  expect(countText.includes(String(total)), `page says "${countText}", document has ${total} operations`)
  await page.getByTestId('api-tag-users').click()
  await page.getByTestId('api-op-getUsers').waitFor()
  expect((await page.getByTestId('api-op-getUsers').innerText()).includes('page_size'), 'list parameters shown')
  await input(page, 'api-search').fill('openapi')
  await page.waitForTimeout(200)
  const after = await page.locator('.intro .count').innerText()
  expect(after !== countText && /\b1\b/.test(after), `search narrows to one operation: "${after}"`)
  await screenshot(page, 'api-docs')
}

export async function systemStatusForSysadmin({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page)
  await page.goto(`${baseUrl}/system/status`)
  await page.getByTestId('status-engine').waitFor()
  expect((await page.getByTestId('status-engine').innerText()).trim() === 'sqlite', 'engine shown')
  expect(Number(await page.getByTestId('status-sessions').innerText()) >= 1, 'sessions counted')
  await screenshot(page, 'system-status-phone')
  expect(!(await hasHorizontalScroll(page)), 'status page scrolls horizontally at 390px')
  await page.goto(`${baseUrl}/system/api`)
  await page.getByTestId('api-search').waitFor()
  expect(!(await hasHorizontalScroll(page)), 'API docs page scrolls horizontally at 390px')
  // A park administrator sees the API docs but not the status page in the menu.
  const other = await newPage()
  await login(other, 'parkadmin', 'Park@2023demo')
  await other.getByTestId('menu-api-docs').waitFor()
  expect((await other.getByTestId('menu-system-status').count()) === 0, 'status page not in a park admin menu')
}
