// Enterprises (issue 5): the enterprise fills last month's report and submits it, the park admin
// approves it in the review queue, and the park's reporting figures change.

async function apiSession(page, baseUrl, username, password) {
  const r = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } })
  if (!r.ok()) throw new Error(`login ${username}: ${r.status()}`)
  return (await r.json()).csrf_token
}

function lastMonth() {
  const d = new Date()
  const m = new Date(d.getFullYear(), d.getMonth() - 1, 1)
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`
}

export async function enterpriseFillsSubmitsAndParkApproves({ newPage, login, screenshot, expect, input, baseUrl }) {
  const period = lastMonth()
  // The filing deadline of last month may have passed: the park admin opens late filing (补报).
  const setup = await newPage()
  const csrf = await apiSession(setup, baseUrl, 'parkadmin', 'Park@2023demo')
  const list = await (await setup.request.get(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('矿山机械')}`)).json()
  const eid = list.items[0].id
  const parkId = list.items[0].park_id
  const until = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10)
  const ex = await setup.request.post(`${baseUrl}/api/v1/enterprises/${eid}/reports/${period}/exception`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { until, reason: '浏览器测试开放补报' },
  })
  expect(ex.ok(), `exception: ${ex.status()}`)
  const before = await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/reporting-status?period=${period}`)).json()

  // The enterprise user fills the form from its work queue and submits.
  const page = await newPage()
  await login(page, 'qiye', 'Ent@2023demo')
  await page.getByTestId('menu-enterprise-report').click()
  await page.getByTestId(`queue-${period}`).click()
  await page.getByTestId('report-form').waitFor()
  const values = { output: 230, revenue: 226, value_added: 27.5, tax: 8, profit: 12, energy: 14, electricity: 18, employees: 43 }
  for (const [k, v] of Object.entries(values)) await input(page, `value-${k}`).fill(String(v))
  await input(page, 'value-value_added').fill('300')  // larger than output: an error next to the field
  await page.getByTestId('report-submit').click()
  await page.locator('.err').first().waitFor()
  await screenshot(page, 'enterprise-report-error')
  await input(page, 'value-value_added').fill(String(values.value_added))
  await page.getByTestId('report-submit').click()
  await page.getByTestId('report-state').getByText('已提交').waitFor()
  await screenshot(page, 'enterprise-report-submitted')

  // The park admin approves it in the review queue; the reporting figures change.
  const admin = await newPage()
  await login(admin, 'parkadmin', 'Park@2023demo')
  await admin.getByTestId('menu-enterprise-review').click()
  const approve = admin.getByTestId(`approve-${eid}-${period}`)
  await approve.waitFor()
  await screenshot(admin, 'enterprise-review-queue')
  await approve.click()
  await approve.waitFor({ state: 'detached' })
  await admin.getByTestId('menu-enterprise-status').click()
  const approved = admin.getByTestId('stat-approved')
  await approved.waitFor()
  await admin.waitForFunction(
    ([sel, n]) => document.querySelector(sel)?.textContent?.trim() === String(n),
    ['[data-testid="stat-approved"]', before.approved + 1],
  )
  expect(Number(await approved.innerText()) === before.approved + 1, 'approved count went up by one')
  await screenshot(admin, 'enterprise-reporting-status')
  const after = await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/enterprise-totals?field=output&year=${period.slice(0, 4)}`)).json()
  expect(after.total >= 230, `approved output reaches the park totals: ${after.total}`)
}

export async function enterpriseScreensRender({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/enterprises`)
  const rows = page.locator('[data-testid="enterprises-table"] .el-table__body-wrapper tbody tr')
  await rows.nth(10).waitFor()
  await screenshot(page, 'enterprises-list')
  await rows.first().locator('a').click()
  await page.getByTestId('profile-name').waitFor()
  await page.locator('canvas').first().waitFor()
  await screenshot(page, 'enterprise-profile')
  await page.goto(`${baseUrl}/enterprise-pools`)
  await page.getByTestId('pool-reserve-candidates').waitFor()
  await screenshot(page, 'enterprise-pools')
  expect((await page.getByTestId('pool-reserve-candidates').innerText()).includes('（演示）'), 'reserve candidates listed')
}

// Settings (月报与培育设置): a park admin edits the report field list; the server's field error is
// shown next to the wrong cell and nothing is saved.
export async function parkAdminSeesFieldErrorsInSettings({ newPage, login, screenshot, expect }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-enterprise-settings').click()
  await page.getByTestId('settings-fields').waitFor()
  const first = page.locator('[data-testid="settings-fields"] input').first()
  await first.fill('Bad Code')
  await page.getByTestId('save-fields').click()
  const err = page.locator('[data-testid="settings-fields"] .el-form-item__error').first()
  await err.waitFor()
  expect((await err.textContent()).includes('字段代码'), `error next to the code: ${await err.textContent()}`)
  await screenshot(page, 'enterprise-settings-field-error')
}

// 僵尸企业 disposal records: a park admin edits one through the dialog (a blank measure is refused
// next to the field, "done" asks for the completion date), the list shows the change, the server
// has it; the dialog fits a phone; the park's months setting is saved from the same page.
export async function parkAdminEditsADisposalRecord({ newPage, login, screenshot, expect, input, baseUrl, hasHorizontalScroll }) {
  const setup = await newPage()
  const csrf = await apiSession(setup, baseUrl, 'parkadmin', 'Park@2023demo')
  const parkId = (await (await setup.request.get(`${baseUrl}/api/v1/enterprises?page_size=1`)).json()).items[0].park_id
  const zombies = (await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/zombies`)).json()).items
  expect(zombies.length > 0, 'demo zombie candidates')
  const created = await setup.request.post(`${baseUrl}/api/v1/enterprises/${zombies[0].enterprise_id}/disposals`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { measure: '盘活闲置资产', responsible_unit: '园区经发局', due: '2026-06-30' },
  })
  expect(created.status() === 201, `disposal: ${created.status()}`)
  const id = (await created.json()).id

  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/enterprise-pools`)
  await page.locator('#tab-zombies').click()
  await page.getByTestId(`disposal-edit-${id}`).click()
  const dialog = page.getByTestId('disposal-dialog')
  await dialog.waitFor()
  await input(page, 'disposal-measure').fill('  ')
  await page.getByTestId('disposal-save').click()
  const err = dialog.locator('.el-form-item__error').first()
  await err.waitFor()
  expect((await err.textContent()).includes('处置措施'), `error beside the measure: ${await err.textContent()}`)
  await input(page, 'disposal-measure').fill('兼并重组（浏览器测试）')
  await input(page, 'disposal-unit').fill('园区管委会')
  await page.getByTestId('disposal-status').click()
  await page.getByTestId('disposal-status-done').click()
  await page.getByTestId('disposal-save').click()  // done without a completion date: refused beside it
  await dialog.locator('.el-form-item__error').filter({ hasText: '完成日期' }).waitFor()
  await screenshot(page, 'enterprise-disposal-dialog')
  await input(page, 'disposal-completed').fill('2026-05-20')
  await input(page, 'disposal-completed').press('Enter')
  await input(page, 'disposal-note').fill('已完成重组协议签署')
  await page.getByTestId('disposal-save').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.getByTestId(`disposal-${id}`)
  await row.getByText('兼并重组（浏览器测试）').waitFor()
  expect((await row.innerText()).includes('已完成'), `status shown: ${await row.innerText()}`)
  await screenshot(page, 'enterprise-zombies-after-edit')
  const listed = (await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/zombies`)).json()).items
  const d = listed.flatMap((z) => z.disposals).find((x) => x.id === id)
  expect(d && d.status === 'done' && d.completed_on === '2026-05-20' && d.responsible_unit === '园区管委会' && d.note === '已完成重组协议签署',
    `stored: ${JSON.stringify(d)}`)

  // The months setting, saved from the page, then put back.
  await input(page, 'zombie-months').fill('9')
  await page.getByTestId('zombie-months-save').click()
  await page.waitForFunction(() => document.querySelector('.el-message--success') !== null)
  const s = await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/zombie-settings`)).json()
  expect(s.months === 9, `months saved: ${JSON.stringify(s)}`)
  await setup.request.put(`${baseUrl}/api/v1/parks/${parkId}/zombie-settings`, { headers: { 'X-CSRF-Token': csrf }, data: { months: 6 } })

  // The dialog at 390 px: no sideways scrolling, buttons reachable.
  const phone = await newPage({ viewport: { width: 390, height: 844 } })
  await login(phone, 'parkadmin', 'Park@2023demo')
  await phone.goto(`${baseUrl}/enterprise-pools`)
  await phone.locator('#tab-zombies').click()
  await phone.getByTestId(`disposal-edit-${id}`).click()
  await phone.getByTestId('disposal-dialog').waitFor()
  await phone.getByTestId('disposal-save').waitFor()
  await phone.waitForTimeout(500)  // the dialog's opening animation
  expect(!(await hasHorizontalScroll(phone)), 'no horizontal scroll at 390px')
  const box = await phone.getByTestId('disposal-save').boundingBox()
  expect(box && box.x + box.width <= 390, `save button inside the screen: ${JSON.stringify(box)}`)
  await screenshot(phone, 'enterprise-disposal-dialog-phone')
}
