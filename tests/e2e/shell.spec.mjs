// The app shell: login, key tasks, language switch, user admin, phone layout.
// Each exported async function is one test (see run.mjs); it gets the context from lib.mjs.
import { PHONE } from './lib.mjs'

export async function adminSeesTasksAndSwitchesToEnglish({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await page.goto(`${baseUrl}/login`)
  await page.evaluate(() => localStorage.setItem('parkhq.locale', 'zh-CN'))
  await page.reload()
  await page.getByTestId('login-submit').waitFor()
  await screenshot(page, 'login-desktop')
  await login(page)
  await page.getByTestId('menu-tasks').click()
  await page.waitForURL(/\/tasks$/)
  const rows = page.locator('[data-testid="tasks-table"] .el-table__body-wrapper tbody tr')
  await rows.nth(24).waitFor()
  const n = await rows.count()
  expect(n === 25, `expected 25 task rows, saw ${n}`)
  expect((await page.getByTestId('menu-tasks').innerText()).includes('重点任务'), 'Chinese menu label 重点任务 missing')
  await screenshot(page, 'tasks-desktop-zh')
  await page.getByTestId('lang-en').click()
  await page.getByTestId('menu-tasks').getByText('Key tasks').waitFor()
  for (const label of ['Home', 'Key tasks', 'Organization', 'Users', 'Audit log', 'API tokens']) {
    expect(await page.locator('.side-menu').getByText(label, { exact: true }).isVisible(), `English menu item "${label}" not visible`)
  }
  await screenshot(page, 'tasks-desktop-en')
  await page.getByTestId('lang-zh-CN').click()
}

export async function adminAddsUser({ input, newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page)
  await page.goto(`${baseUrl}/users`)
  await page.getByTestId('users-table').waitFor()
  const username = `e2e_${Date.now().toString(36)}`
  await page.getByTestId('user-add').click()
  const dialog = page.getByTestId('user-dialog')
  await dialog.waitFor()
  await input(page, 'user-username').fill(username)
  await input(page, 'user-display-name').fill('测试用户')
  await input(page, 'user-password').fill('Test@2023pass')
  await page.getByTestId('user-role').click()
  await page.getByTestId('role-option-leader').click()
  await page.getByTestId('user-park').click()
  await page.locator('[data-testid^="park-option-"]:visible').first().click()
  await screenshot(page, 'users-add-dialog')
  await page.getByTestId('user-submit').click()
  await dialog.waitFor({ state: 'hidden' })
  const cell = page.getByTestId('users-table').getByText(username, { exact: true })
  await cell.waitFor()
  expect(await cell.isVisible(), `new user ${username} not in the list`)
  await screenshot(page, 'users-list')
}

export async function phoneLayoutHasNoHorizontalScroll({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await page.goto(`${baseUrl}/login`)
  await page.getByTestId('login-submit').waitFor()
  await screenshot(page, 'login-phone')
  expect(!(await hasHorizontalScroll(page)), 'login page scrolls horizontally at 390px')
  await login(page)
  await page.goto(`${baseUrl}/tasks`)
  await page.getByTestId('task-card').nth(24).waitFor()
  await screenshot(page, 'tasks-phone')
  expect(!(await hasHorizontalScroll(page)), 'tasks page scrolls horizontally at 390px')
  // The side menu is a drawer on a phone.
  await page.getByTestId('menu-toggle').click()
  await page.getByTestId('menu-org').waitFor()
  await page.waitForTimeout(400) // drawer slide-in
  await screenshot(page, 'menu-drawer-phone')
  await page.getByTestId('menu-org').click()
  await page.waitForURL(/\/org$/)
  expect(!(await hasHorizontalScroll(page)), 'org page scrolls horizontally at 390px')
}
