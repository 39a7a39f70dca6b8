// The project pipeline in the browser: sign a lead in the CRM (which creates its project), plan
// its start, move it to 开工 on the Kanban board, and see the 开工率 change on the rates page.
import { PHONE } from './lib.mjs'

function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

async function startRate(page, baseUrl) {
  await page.goto(`${baseUrl}/projects/rates`)
  const cell = page.getByTestId('rate-start')
  await cell.waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="rates-table"] .el-loading-mask'))
  await page.waitForTimeout(300)
  return (await cell.innerText()).trim()
}

export async function signLeadMoveToStartedAndSeeStartRate({ newPage, login, screenshot, expect, input, baseUrl }) {
  const page = await newPage()
  await login(page)
  const title = `e2e签约项目${Date.now().toString(36)}（演示）`

  // 1. A new lead in the CRM, then signed: the project is created and opened.
  await page.goto(`${baseUrl}/crm`)
  await page.getByTestId('lead-table').waitFor()
  await page.getByTestId('lead-create').click()
  const leadDialog = page.locator('.el-dialog:visible')
  await leadDialog.locator('.el-select').first().click()
  await page.locator('.el-select-dropdown__item:visible').first().click()
  await leadDialog.locator('.el-form-item').nth(1).locator('input').fill(title)
  await leadDialog.getByRole('button', { name: '保存' }).click()
  const row = page.getByTestId('lead-table').locator('tr', { hasText: title })
  await row.waitFor()
  await screenshot(page, 'projects-crm-leads')
  await row.getByRole('button', { name: '签约' }).click()
  await page.getByTestId('lead-move-confirm').click()
  await page.waitForURL(/\/projects\/\d+$/)
  const projectId = Number(page.url().split('/').pop())
  await page.getByTestId('project-title').waitFor()
  expect((await page.getByTestId('project-title').innerText()).includes(title), 'the signed lead opened its project')

  // 2. Plan its start for today (a project counts in 开工率 when its planned start is due).
  await page.getByRole('button', { name: '编辑' }).click()
  const form = page.getByTestId('project-form')
  await form.waitFor()
  const startedItem = form.locator('.el-form-item', { hasText: '计划开工' })
  await startedItem.locator('input').fill(today())
  await startedItem.locator('input').press('Enter')
  await page.getByTestId('project-save').click()
  await form.waitFor({ state: 'hidden' })
  await screenshot(page, 'projects-detail')

  const before = await startRate(page, baseUrl)
  await screenshot(page, 'projects-rates-before')

  // 3. On the Kanban board, drag the card from 签约 to 开工 and confirm.
  await page.goto(`${baseUrl}/projects/board`)
  const card = page.getByTestId(`card-${projectId}`)
  await card.waitFor()
  expect(await page.getByTestId('column-signed').getByTestId(`card-${projectId}`).isVisible(), 'the card is in 签约')
  await card.dragTo(page.getByTestId('column-started'))
  const dialog = page.getByTestId('move-dialog')
  await dialog.waitFor()
  await screenshot(page, 'projects-board-move')
  await page.getByTestId('move-confirm').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('column-started').getByTestId(`card-${projectId}`).waitFor()
  await screenshot(page, 'projects-board')

  // A refused move shows the rule and leaves the card: 开工 → 投产 without 竣工.
  await page.getByTestId(`card-${projectId}`).dragTo(page.getByTestId('column-production'))
  await dialog.waitFor()
  await page.getByTestId('move-confirm').click()
  await page.getByTestId('move-error').waitFor()
  expect((await page.getByTestId('move-error').innerText()).length > 0, 'the refusal is shown')
  await page.getByRole('button', { name: '取消' }).click()

  // 4. The 开工率 changed.
  const after = await startRate(page, baseUrl)
  await screenshot(page, 'projects-rates-after')
  expect(after !== before && after !== '—', `开工率 did not change: before ${before}, after ${after}`)
}

export async function ledgerAndChainMapRender({ newPage, login, screenshot, expect, baseUrl, hasHorizontalScroll }) {
  const page = await newPage()
  await login(page)
  await page.goto(`${baseUrl}/projects`)
  const ledger = page.getByTestId('project-ledger')
  await ledger.getByText('年产20万吨聚丙烯高值化产业园').waitFor()
  await screenshot(page, 'projects-ledger')
  await page.goto(`${baseUrl}/chains`)
  await page.getByText('煤制甲醇—烯烃—化工新材料').first().waitFor()
  await screenshot(page, 'projects-chains')
  const phone = await newPage({ viewport: PHONE })
  await login(phone)
  await phone.goto(`${baseUrl}/projects`)
  await phone.getByText('年产20万吨聚丙烯高值化产业园').first().waitFor()
  await screenshot(phone, 'projects-ledger-phone')
  expect(!(await hasHorizontalScroll(phone)), 'ledger scrolls horizontally at 390px')
}

// Enterprises on chain links: the demo firms show on the map; a park admin places a firm on the
// 甲醇制烯烃 gap link (the gap tag goes away) and removes it again. Also opens the project settings page.
export async function chainLinkEnterprisesAttachDetach({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page)
  await page.goto(`${baseUrl}/chains`)
  await page.getByText('企业：华亭煤制甲醇有限公司（演示）').first().waitFor()
  const link = page.locator('.link', { hasText: '甲醇制烯烃' }).first()
  await link.getByText('补链').waitFor()
  await link.getByTestId('link-enterprises').click()
  const dialog = page.getByTestId('link-enterprises-dialog')
  await dialog.getByText('该环节暂无企业').waitFor()
  await dialog.getByTestId('attach-enterprise').click()
  await page.keyboard.type('聚烯烃')
  await page.locator('.el-select-dropdown__item', { hasText: '陇东聚烯烃新材料有限公司（演示）' }).first().click()
  await dialog.getByTestId('attach-submit').click()
  await dialog.locator('.el-table__row', { hasText: '陇东聚烯烃新材料有限公司（演示）' }).waitFor()
  await link.getByText('企业：陇东聚烯烃新材料有限公司（演示）').waitFor()
  // The gap tag fades out (el-tag transition): wait for it to leave.
  await link.getByText('补链').waitFor({ state: 'detached', timeout: 5000 })
  expect(!(await link.innerText()).includes('补链'), 'the 甲醇制烯烃 link is no gap with an enterprise on it')
  await screenshot(page, 'projects-chain-enterprises')
  await dialog.getByRole('button', { name: '移出' }).click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await dialog.getByText('该环节暂无企业').waitFor()
  await link.getByText('补链').waitFor()
  await page.goto(`${baseUrl}/projects/settings`)
  await page.getByTestId('project-settings').getByText('停滞预警期限').waitFor()
  await screenshot(page, 'projects-settings')
}

// The portfolio timeline (项目进度总览): every demo project is a row with stage bars; the 50万吨高铁配件
// line (planned to start 2023-06-30, not started) carries a red overdue span whose tooltip says 逾期;
// clicking its row opens the project; the page exports its rows as CSV and fits a 390px phone.
export async function portfolioTimelineShowsOverdueAndOpensProject({ newPage, login, screenshot, expect, baseUrl, hasHorizontalScroll }) {
  const page = await newPage()
  await login(page)
  await page.goto(`${baseUrl}/projects/timeline`)
  const chart = page.getByTestId('project-timeline-chart')
  const name = '50万吨高铁配件生产线'
  const label = chart.locator('svg text', { hasText: name })
  await label.waitFor()
  for (const n of ['年产20万吨聚丙烯高值化产业园', '电线电缆及仪器仪表生产线']) await chart.locator('svg text', { hasText: n }).waitFor()
  const fills = await chart.locator('svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))
  const stageBars = fills.filter((f) => ['#409eff', '#2fa6a0', '#67c23a', '#7a6ff0'].includes(f)).length
  const labels = await chart.locator('svg text').evaluateAll((ts) => ts.length)
  expect(stageBars >= 15, `only ${stageBars} stage bars for the demo projects`)
  await screenshot(page, 'projects-timeline')

  // The red span on the row of the 高铁配件 line (same height as its label).
  const lb = await label.boundingBox()
  const cy = lb.y + lb.height / 2
  const red = await chart.locator('svg path[fill="#f56c6c"]').evaluateAll((ps, y) => ps.map((p) => p.getBoundingClientRect())
    .filter((r) => r.top <= y + 20 && r.bottom >= y - 20).map((r) => ({ x: r.right - 4, y: r.top + r.height / 2 })), cy)
  expect(red.length >= 1, `no red overdue bar on the row of ${name} (${labels} labels)`)
  // the chart may still be redrawing after the first data load: hover again until the tooltip shows
  const tip = page.locator('.timeline-tip', { hasText: name })
  for (let i = 0; i < 10 && !(await tip.isVisible()); i++) {
    await page.mouse.move(red[0].x - 30, red[0].y)
    await page.mouse.move(red[0].x, red[0].y, { steps: 3 })
    await page.waitForTimeout(300)
  }
  await tip.waitFor()
  expect(/开工[\s\S]*逾期 \d+ 天/.test(await tip.innerText()), 'the tooltip lists the overdue 开工 stage with its days')
  await screenshot(page, 'projects-timeline-tooltip')

  // CSV of the visible rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-export').click()])
  const csv = await (await import('node:fs')).promises.readFile(await download.path(), 'utf8')
  expect(csv.includes('计划开工') && csv.includes(name) && csv.includes('逾期'), 'the CSV has the plan columns and the overdue row')

  // A click on the row opens the project page.
  await page.mouse.click(red[0].x - 20, red[0].y)
  await page.waitForURL(/\/projects\/\d+$/)
  await page.getByTestId('project-title').waitFor()
  expect((await page.getByTestId('project-title').innerText()).includes(name), 'the click opened the project of the row')

  const phone = await newPage({ viewport: PHONE })
  await login(phone)
  await phone.goto(`${baseUrl}/projects/timeline`)
  await phone.getByTestId('project-timeline-chart').locator('svg text', { hasText: name }).waitFor()
  await screenshot(phone, 'projects-timeline-phone')
  expect(!(await hasHorizontalScroll(phone)), 'the timeline scrolls horizontally at 390px')
}
