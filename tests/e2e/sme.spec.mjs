// 创业园运营 (issue 16): the operating company (弘达聚鑫, demo user hdjx) leases a vacant unit from
// the floor plan and sees the park's occupancy change; then a repair ticket is filed and closed.
// The pages fit a phone without sideways scrolling.
import { PHONE } from './lib.mjs'

const HDJX = ['hdjx', 'Dept@2023demo']

async function occupancyText(page) {
  return (await page.getByTestId('sme-park-occupancy').innerText()).trim()
}

export async function leaseAVacantUnitAndCloseARepair({ newPage, login, screenshot, expect, input, baseUrl }) {
  const page = await newPage()
  await login(page, ...HDJX)
  await page.goto(`${baseUrl}/sme/space`)
  await page.getByTestId('sme-park-occupancy').waitFor()
  const tile = page.locator('button.tile.clickable[data-status="vacant"]').first()
  await tile.waitFor()
  const before = await occupancyText(page)
  const code = (await tile.getAttribute('data-testid')).replace('sme-unit-', '')
  await screenshot(page, 'sme-space-before')

  await tile.click()
  await page.getByTestId('sme-lease-enterprise').click()
  await page.keyboard.type('华亭印务')
  await page.getByRole('option', { name: /华亭印务/ }).click()
  await page.getByTestId('sme-lease-save').click()
  await page.getByText('租约已生效').first().waitFor()
  await page.waitForFunction(
    ([c]) => document.querySelector(`[data-testid="sme-unit-${c}"]`)?.getAttribute('data-status') === 'leased',
    [code],
  )
  const after = await occupancyText(page)
  expect(after !== before, `occupancy changes after leasing ${code}: ${before} → ${after}`)
  expect(parseFloat(after) > parseFloat(before), `occupancy rises: ${before} → ${after}`)
  await screenshot(page, 'sme-space-after')

  // File a repair ticket for a leased unit and close it with the repair's result.
  const title = `卷帘门无法关闭 e2e ${Date.now()}`
  await page.goto(`${baseUrl}/sme/repairs`)
  await page.getByTestId('sme-repair-new').click()
  await input(page, 'sme-repair-title').fill(title)
  await page.getByTestId('sme-repair-save').click()
  await page.getByText('报修单已提交').first().waitFor()
  const row = page.getByTestId('sme-repairs').locator('.el-table__body tr', { hasText: title }).first()
  await row.waitFor()
  expect((await row.innerText()).includes('待派单'), 'a new ticket is open')
  const statusId = await row.locator('[data-testid^="sme-repair-status-"]').first().getAttribute('data-testid')
  const id = statusId.replace('sme-repair-status-', '')
  await page.getByTestId(`sme-repair-close-${id}`).click()
  await input(page, 'sme-repair-text').fill('已更换卷帘门电机')
  await page.getByTestId('sme-repair-move-save').click()
  await page.getByText('报修单已关闭').first().waitFor()
  await page.waitForFunction(([i]) => document.querySelector(`[data-testid="sme-repair-status-${i}"]`)?.textContent?.includes('已关闭'), [id])
  await screenshot(page, 'sme-repairs-closed')
}

export async function smePagesFitAPhone({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, ...HDJX)
  for (const path of ['/sme/space', '/sme/leases', '/sme/bills', '/sme/repairs', '/sme/financing']) {
    await page.goto(`${baseUrl}${path}`)
    await page.locator('.page-title').first().waitFor()
    await page.waitForTimeout(300)
    expect(!(await hasHorizontalScroll(page)), `${path} fits 390 px`)
    await screenshot(page, `sme-phone-${path.split('/').pop()}`)
  }
}
