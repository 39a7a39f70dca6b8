// 账号安全 (docs/security.md): a user changes their own password (the current one is required) and
// ends one of their login sessions from the session list.
import { PHONE } from './lib.mjs'

async function createUser(page, baseUrl, username, password) {
  const r = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username: 'admin', password: 'Admin@2023demo' } })
  if (!r.ok()) throw new Error(`admin login: ${r.status()}`)
  const csrf = (await r.json()).csrf_token
  const c = await page.request.post(`${baseUrl}/api/v1/users`, {
    data: { username, password, role: 'leader', park_id: 1 },
    headers: { 'X-CSRF-Token': csrf },
  })
  if (c.status() !== 201) throw new Error(`create ${username}: ${c.status()} ${await c.text()}`)
}

export async function userChangesOwnPasswordAndEndsASession({ newPage, login, screenshot, expect, input, baseUrl, hasHorizontalScroll }) {
  const username = `e2e_acct_${Date.now().toString(36)}`
  await createUser(await newPage(), baseUrl, username, 'Acct@2023first')
  // A second session of the same user, to be ended from the list.
  const other = await newPage()
  await login(other, username, 'Acct@2023first')

  const page = await newPage()
  await login(page, username, 'Acct@2023first')
  await page.getByTestId('account-link').first().click()
  await page.waitForURL(/\/account$/)
  const rows = page.getByTestId('session-list').locator('.el-table__body tr')
  await rows.nth(1).waitFor()
  expect((await rows.count()) === 2, `two sessions listed, got ${await rows.count()}`)
  await screenshot(page, 'account-sessions')

  // Wrong current password: the form says so on the field.
  await input(page, 'current-password').fill('Wrong@2023pass')
  await input(page, 'new-password').fill('Acct@2024second')
  await input(page, 'confirm-password').fill('Acct@2024second')
  await page.getByTestId('change-password').click()
  await page.getByText(/当前密码不正确/).first().waitFor()
  // The right one: the password changes and the other session ends.
  await input(page, 'current-password').fill('Acct@2023first')
  await page.getByTestId('change-password').click()
  await page.getByText(/密码已修改/).first().waitFor()
  await rows.first().waitFor()
  await page.waitForTimeout(300)
  expect((await rows.count()) === 1, `only the current session is left, got ${await rows.count()}`)
  const me = await other.request.get(`${baseUrl}/api/v1/me`)
  expect(me.status() === 401, `the other session ended: ${me.status()}`)

  // The phone layout of the page does not scroll sideways.
  const phone = await newPage({ viewport: PHONE })
  await login(phone, username, 'Acct@2024second')
  await phone.goto(`${baseUrl}/account`)
  await phone.getByTestId('session-list').waitFor()
  await screenshot(phone, 'account-phone')
  expect(!(await hasHorizontalScroll(phone)), 'account page scrolls horizontally at 390px')
  // Ending the phone's own session from the desktop list signs the phone out.
  await page.reload()
  await rows.nth(1).waitFor()
  const revoke = page.getByTestId('revoke-session')
  const otherRow = page.getByTestId('session-list').locator('.el-table__body tr', { hasNot: page.locator('.el-tag') })
  await otherRow.first().getByTestId('revoke-session').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.getByText(/会话已注销/).first().waitFor()
  await page.waitForTimeout(500)
  expect((await revoke.count()) === 1, `one session left after revoking, got ${await revoke.count()}`)
  const phoneMe = await phone.request.get(`${baseUrl}/api/v1/me`)
  expect(phoneMe.status() === 401, `the phone session ended: ${phoneMe.status()}`)
}
