// 导入月报 on 报送与分析: the park admin reads the format, imports a file with a bad row (the row
// report: row, column, message; nothing written), then a good one, then the same reports again with
// changed figures — "导入 2 份，其中替换 2 份" — and the replaced report carries the new figure.
// The month being filed: the demo's reports run through the month before it (docs/figures.md §4).
const PERIOD = (() => {
  const d = new Date(Date.now() + 8 * 3600 * 1000)
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - 1)
  return d.toISOString().slice(0, 7)
})()
const VALUES = { output: 1000, revenue: 990, value_added: 120, tax: 30, profit: 50, energy: 2400, electricity: 80, employees: 200 }

async function apiSession(page, baseUrl, username, password) {
  const r = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } })
  if (!r.ok()) throw new Error(`login ${username}: ${r.status()}`)
}

function csv(codes, rows) {
  return Buffer.from([['uscc', 'period', ...codes].join(','), ...rows.map((r) => [r.uscc, PERIOD, ...codes.map((c) => r.values[c] ?? '')].join(','))].join('\n') + '\n')
}

export async function parkAdminImportsReportsAndSeesReplacedCount({ newPage, login, screenshot, expect, baseUrl, hasHorizontalScroll }) {
  const setup = await newPage()
  await apiSession(setup, baseUrl, 'parkadmin', 'Park@2023demo')
  const firms = (await (await setup.request.get(`${baseUrl}/api/v1/enterprises?page_size=2&status=operating`)).json()).items
  const parkId = firms[0].park_id
  const codes = (await (await setup.request.get(`${baseUrl}/api/v1/parks/${parkId}/report-fields`)).json()).items.map((f) => f.code)
  const existing = async () => {
    let n = 0
    for (const f of firms) n += (await (await setup.request.get(`${baseUrl}/api/v1/enterprises/${f.id}/reports/${PERIOD}`)).json()).exists ? 1 : 0
    return n
  }
  const existedBefore = await existing()

  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-enterprise-status').click()
  await page.getByTestId('report-import').click()
  const dialog = page.getByTestId('report-import-dialog')
  await dialog.getByText('output · 工业总产值').waitFor() // the park's fields are listed
  const file = dialog.locator('input[type=file]')

  // A bad row (value added above output is an error rule; a letter is not a number): row report.
  const bad = firms.map((f) => ({ uscc: f.uscc, values: { ...VALUES } }))
  bad[0].values.value_added = 5000
  bad[1].values.tax = 'abc'
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: csv(codes, bad) })
  await page.getByTestId('report-import-start').click()
  const errors = page.getByTestId('report-import-errors')
  await errors.locator('tbody tr').first().waitFor()
  const report = await errors.locator('tbody tr').allInnerTexts()
  expect(report.some((r) => /^2\s+tax\s+\S/.test(r)), `row 2, column tax: ${JSON.stringify(report)}`)
  expect(report.some((r) => /^1\s/.test(r)), `row 1 refused: ${JSON.stringify(report)}`)
  await page.getByTestId('report-import-refused').waitFor()
  await screenshot(page, 'report-import-refused')
  expect((await existing()) === existedBefore, 'a refused file writes nothing')

  // A good file, then the same reports with a changed figure: both replaced.
  const good = firms.map((f) => ({ uscc: f.uscc, values: { ...VALUES } }))
  await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: csv(codes, good) })
  await page.getByTestId('report-import-start').click()
  await dialog.getByTestId('report-import-done').getByText(`导入 2 份，其中替换 ${existedBefore} 份`).waitFor()
  for (const g of good) g.values.output = 1111
  await file.setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: csv(codes, good) })
  await page.getByTestId('report-import-start').click()
  await dialog.getByTestId('report-import-done').getByText('导入 2 份，其中替换 2 份').waitFor()
  await page.locator('.el-message--success').getByText('导入 2 份，其中替换 2 份').first().waitFor()
  await screenshot(page, 'report-import-replaced')
  const stored = await (await setup.request.get(`${baseUrl}/api/v1/enterprises/${firms[0].id}/reports/${PERIOD}`)).json()
  expect(stored.state === 'submitted' && stored.values.output === 1111, `replaced report: ${stored.state} ${JSON.stringify(stored.values)}`)

  // The dialog at 390 px.
  const phone = await newPage({ viewport: { width: 390, height: 844 } })
  await login(phone, 'parkadmin', 'Park@2023demo')
  await phone.goto(`${baseUrl}/enterprise-status`)
  await phone.getByTestId('report-import').click()
  await phone.getByTestId('report-import-dialog').getByText('output · 工业总产值').waitFor()
  await phone.waitForTimeout(500)
  expect(!(await hasHorizontalScroll(phone)), 'no horizontal scroll at 390px')
  await screenshot(phone, 'report-import-phone')
}

export async function departmentUserHasNoReportImport({ newPage, login, expect }) {
  const page = await newPage()
  await login(page, 'gxj', 'Dept@2023demo')
  await page.getByTestId('menu-enterprise-status').click()
  await page.getByTestId('stat-expected').waitFor()
  expect((await page.getByTestId('report-import').count()) === 0, 'no import button for a department user')
}
