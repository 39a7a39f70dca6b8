// Parks compared (issue 13): the city leader (demo account pingliang) sees the region's park ranking and each park's radar chart,
// switches the scheme; the page fits a phone; a park admin adds an item to the chemical-park
// ledger and sees the progress count it.
import { PHONE } from './lib.mjs'

const rowsOf = (page, testId) => page.locator(`[data-testid="${testId}"] .el-table__body-wrapper tbody tr`)

export async function parkRankingAndRadar({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'pingliang', 'City@2023demo')
  await page.goto(`${baseUrl}/park-evaluation`)
  const rows = rowsOf(page, 'eval-table')
  await rows.nth(3).waitFor()
  expect((await rows.count()) >= 4, 'the demo region ranks several parks')
  const first = await rows.nth(0).innerText()
  expect(/^\s*1\b/.test(first), `the first row is rank 1: "${first}"`)
  const radar = page.locator('[data-testid="eval-radar"] canvas')
  await radar.first().waitFor()
  const box = await radar.first().boundingBox()
  expect(box && box.width > 100 && box.height > 100, `the radar chart is drawn (${JSON.stringify(box)})`)
  // Another park's radar and indicators on a click.
  const name = (await rows.nth(2).locator('td').nth(1).innerText()).replace('演示', '').trim()
  await rows.nth(2).click()
  await page.getByText(`${name}：分类得分雷达图`).waitFor()
  expect((await rowsOf(page, 'eval-indicators').count()) === 11, 'the plan scheme has 11 indicators')
  expect((await page.getByTestId('eval-lost').locator('li').count()) >= 1, 'the points lost are listed')
  await screenshot(page, 'parks-ranking-desktop')
  await page.getByTestId('eval-scheme').getByText('开发区五类').click()
  await page.locator('[data-testid="eval-table"] th', { hasText: '对外开放' }).waitFor()
  await screenshot(page, 'parks-ranking-national5')
}

export async function parkRankingOnAPhone({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'pingliang', 'City@2023demo')
  await page.goto(`${baseUrl}/park-evaluation`)
  await rowsOf(page, 'eval-table').nth(3).waitFor()
  await page.locator('[data-testid="eval-radar"] canvas').first().waitFor()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width <= 400, `no horizontal page scroll at 390px (scrollWidth ${width})`)
  expect((await page.getByTestId('eval-entries').count()) === 0, 'a read-only leader cannot enter values')
  await screenshot(page, 'parks-ranking-phone')
}

export async function chemLedgerProgressCountsANewItem({ newPage, login, input, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/chemical-park`)
  const progress = page.getByTestId('chem-progress')
  await progress.waitFor()
  const total = async () => Number(/\/\s*(\d+)/.exec(await progress.innerText())?.[1] ?? -1)
  const before = await total()
  expect(before > 0, `the demo ledger has items (${before})`)
  await page.getByTestId('chem-add-应急管理').click()
  const dialog = page.getByTestId('chem-dialog')
  await dialog.waitFor()
  await input(dialog, 'chem-requirement').fill('配备园区专职消防队（浏览器测试）')
  await dialog.getByTestId('chem-save').click()
  await page.getByText('配备园区专职消防队（浏览器测试）').waitFor()
  expect((await total()) === before + 1, 'the progress counts the new item')
  await screenshot(page, 'parks-chem-ledger')
}
