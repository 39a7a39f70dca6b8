// Talent-demand database and rewards (issue 13 items 3 and 4): an enterprise user posts a need and
// sees only its own posts; 人社局 sees the demand summary, the pool and matches; the reward pages at
// phone width (no sideways scroll).
import { PHONE } from './lib.mjs'

export async function enterprisePostsAndRenSheSeesDemand({ newPage, login, input, screenshot, expect, baseUrl, hasHorizontalScroll }) {
  const firm = await newPage()
  await login(firm, 'qiye', 'Ent@2023demo')
  await firm.goto(`${baseUrl}/talent`)
  await firm.getByTestId('posts-table').waitFor()
  // The table renders before its rows arrive: wait for the first row (the firm's demo posts).
  await firm.locator('[data-testid="posts-table"] .el-table__body tr').first().waitFor({ timeout: 15000 }).catch(() => undefined)
  const rowsBefore = await firm.locator('[data-testid="posts-table"] .el-table__body tr').count()
  expect(rowsBefore > 0, 'the firm sees its demo posts')
  expect(!(await firm.getByText('华亭煤制甲醇有限公司（演示）').isVisible()), 'no other firm on the page')
  await firm.getByTestId('post-new').click()
  await input(firm, 'post-title').fill('浏览器测试岗位')
  await firm.getByTestId('post-save').click()
  await firm.getByText('浏览器测试岗位').waitFor()
  expect(!(await firm.getByRole('tab', { name: '人才库' }).isVisible()), 'no pool tab for a firm')
  await screenshot(firm, 'talent-firm')

  const rsj = await newPage()
  await login(rsj, 'rsj', 'Dept@2023demo')
  await rsj.goto(`${baseUrl}/talent`)
  await rsj.getByRole('tab', { name: '需求汇总' }).click()
  await rsj.getByTestId('demand').waitFor()
  await rsj.getByTestId('demand-year').locator('input').fill('2024')
  await rsj.getByTestId('demand-year').locator('input').press('Enter')
  await rsj.getByTestId('program-share').getByText('%').first().waitFor()
  await rsj.getByRole('tab', { name: '推荐匹配' }).click()
  await rsj.getByTestId('matches-table').locator('.el-table__body tr').first().waitFor()
  await screenshot(rsj, 'talent-matches')

  const phone = await newPage({ viewport: PHONE })
  await login(phone, 'rsj', 'Dept@2023demo')
  await phone.goto(`${baseUrl}/talent`)
  await phone.getByTestId('posts-table').waitFor()
  expect(!(await hasHorizontalScroll(phone)), 'talent page: no sideways scroll at 390px')
  await phone.goto(`${baseUrl}/rewards`)
  await phone.getByTestId('applications-table').waitFor()
  expect(!(await hasHorizontalScroll(phone)), 'rewards page: no sideways scroll at 390px')
  await screenshot(phone, 'rewards-phone')
}

export async function rewardsYearListWithTotals({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/rewards`)
  await page.getByRole('tab', { name: '年度兑现名单' }).click()
  await page.getByTestId('rewards-year').locator('input').fill('2024')
  await page.getByTestId('rewards-year').locator('input').press('Enter')
  await page.getByTestId('reward-year').getByText('2024 年兑现').waitFor()
  const total = await page.getByTestId('reward-year').locator('.total').innerText()
  expect(/2024 年兑现 \d+ 户，合计 [\d,.]+ 万元/.test(total), `total line: ${total}`)
  await screenshot(page, 'rewards-year')
}
