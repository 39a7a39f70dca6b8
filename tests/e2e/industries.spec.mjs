// 国民经济行业分类 (GB/T 4754-2017): the system administrator browses and searches the table, exports
// it, imports a bad file (row report), imports an edited export (one code renamed) and restores the
// built-in table; a leader reads the same screen without the import and restore actions.
import fs from 'node:fs'

const LOGIN = { admin: ['admin', 'Admin@2023demo'], leader: ['leader', 'Leader@2023demo'] }

async function tableInfo(page, baseUrl) {
  return (await page.request.get(`${baseUrl}/api/v1/industries/table`)).json()
}

async function downloadOf(page, testId) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) }
}

export async function adminImportsAndRestoresTheIndustryTable({ newPage, login, screenshot, expect, input, baseUrl, hasHorizontalScroll }) {
  const page = await newPage()
  await login(page, ...LOGIN.admin)
  const before = await tableInfo(page, baseUrl)
  expect(before.source === 'embedded', `starts from the built-in table: ${JSON.stringify(before)}`)
  try {
    await page.getByTestId('menu-industries').click()
    await page.getByTestId('industry-tree').getByText('制造业', { exact: true }).waitFor()
    expect((await page.getByTestId('industry-source').innerText()).includes('内置标准表'), 'source shown')
    expect((await page.getByTestId('industry-count-class').innerText()).trim() === String(before.classes), 'class count shown')

    // Browse one level down, then search a code: its leading group under the park's mapping.
    await page.getByTestId('industry-tree').locator('tr', { hasText: '制造业' }).first().locator('.el-table__expand-icon').click()
    await page.getByTestId('industry-tree').getByText('石油、煤炭及其他燃料加工业').waitFor()
    await input(page, 'industry-search').fill('2523')
    const hit = page.getByTestId('industry-results').locator('tr', { hasText: '2523' })
    await hit.getByText('煤制液体燃料生产').waitFor()
    expect((await hit.innerText()).includes('煤化工'), `2523 is 煤化工: ${await hit.innerText()}`)
    await screenshot(page, 'industries-search')

    // Exports: the CSV is the whole table in the import format; the XLSX is a zip.
    const csv = await downloadOf(page, 'industry-export-csv')
    const text = csv.bytes.toString('utf8').replace(/^\ufeff/, '')
    const lines = text.split(/\r?\n/).filter((l) => l.trim())
    expect(/^code,level,name,parent$/.test(lines[0]), `csv header: ${lines[0]}`)
    expect(lines.length === before.rows + 1, `csv rows ${lines.length - 1} vs ${before.rows}`)
    const xlsx = await downloadOf(page, 'industry-export-xlsx')
    expect(xlsx.name.endsWith('.xlsx') && xlsx.bytes.subarray(0, 2).toString() === 'PK', `xlsx: ${xlsx.name}`)

    // A bad file: refused with the row report, nothing changes.
    await page.getByTestId('industry-import').click()
    const dialog = page.getByTestId('industry-import-dialog')
    const file = dialog.locator('input[type=file]')
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('code,level,name,parent\nA,门类,农、林、牧、渔业,\n2,大类,坏代码,A\n011,中类,,01\n') })
    await page.getByTestId('industry-import-start').click()
    const errors = page.getByTestId('industry-import-errors')
    await errors.locator('tbody tr').first().waitFor()
    const report = await errors.locator('tbody tr').allInnerTexts()
    expect(report.some((r) => /^3\s+代码\s+大类代码/.test(r)), `row 3 code error: ${JSON.stringify(report)}`)
    expect(report.some((r) => /^4\s+名称/.test(r)), `row 4 name error: ${JSON.stringify(report)}`)
    await screenshot(page, 'industries-import-refused')
    expect((await tableInfo(page, baseUrl)).source === 'embedded', 'a refused file changes nothing')

    // The exported table with one code renamed: imported, the summary counts the rename.
    const edited = text.replace(/^2523,([^,]*),煤制液体燃料生产,252$/m, '2523,$1,煤制液体燃料生产（浏览器测试）,252')
    expect(edited !== text, 'the export has row 2523')
    await file.setInputFiles({ name: 'gbt4754.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) })
    await page.getByTestId('industry-import-start').click()
    const result = page.getByTestId('industry-import-result')
    await result.waitFor()
    const summary = await result.innerText()
    expect(summary.includes('新增 0、删除 0、更名 1') && summary.includes('2523'), `summary: ${summary}`)
    await screenshot(page, 'industries-import-done')
    await page.getByTestId('industry-import-close').click()
    await page.getByTestId('industry-source').getByText('管理员导入的表').waitFor()
    await input(page, 'industry-search').fill('')
    await input(page, 'industry-search').fill('2523')
    await page.getByTestId('industry-results').getByText('煤制液体燃料生产（浏览器测试）').waitFor()

    // At 390 px: no sideways scrolling of the page.
    const phone = await newPage({ viewport: { width: 390, height: 844 } })
    await login(phone, ...LOGIN.admin)
    await phone.goto(`${baseUrl}/industries`)
    await phone.getByTestId('industry-tree').getByText('制造业', { exact: true }).waitFor()
    expect(!(await hasHorizontalScroll(phone)), 'no horizontal scroll at 390px')
    await screenshot(phone, 'industries-phone')

    // Restore the built-in table (with confirmation).
    await page.getByTestId('industry-restore').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await page.getByTestId('industry-source').getByText('内置标准表').waitFor()
    expect((await tableInfo(page, baseUrl)).source === 'embedded', 'restored on the server')
  } finally {
    // Leave the built-in table for the other tests whatever happened above.
    const info = await tableInfo(page, baseUrl)
    if (info.source !== 'embedded') {
      const me = await (await page.request.get(`${baseUrl}/api/v1/me`)).json()
      const r = await page.request.delete(`${baseUrl}/api/v1/industries/table`, { headers: { 'X-CSRF-Token': me.csrf_token } })
      if (!r.ok()) throw new Error(`could not restore the built-in industry table: ${r.status()}`)
    }
  }
}

export async function leaderReadsTheIndustryTable({ newPage, login, screenshot, expect, input }) {
  const page = await newPage()
  await login(page, ...LOGIN.leader)
  await page.getByTestId('menu-industries').click()
  await page.getByTestId('industry-tree').getByText('制造业', { exact: true }).waitFor()
  await input(page, 'industry-search').fill('电力')
  await page.getByTestId('industry-results').getByText('电力、热力生产和供应业').waitFor()
  expect(await page.getByTestId('industry-export-csv').isVisible(), 'leaders export')
  expect((await page.getByTestId('industry-import').count()) === 0, 'no import button for a leader')
  expect((await page.getByTestId('industry-restore').count()) === 0, 'no restore button for a leader')
  await page.getByText('只读：仅系统管理员可导入或恢复行业分类表').waitFor()
  await screenshot(page, 'industries-leader')
}
