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
