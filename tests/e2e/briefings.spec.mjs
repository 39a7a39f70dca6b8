// Briefings (issue 12): generate a month's 通报, edit a sentence, approve, issue, download the Word
// file; the header bell; the page at phone width.
import fs from 'node:fs'
import { PHONE } from './lib.mjs'

export async function generateEditApproveIssueDownload({ newPage, login, input, screenshot, expect, baseUrl, hasHorizontalScroll }) {
  const page = await newPage()
  await login(page)
  await page.goto(`${baseUrl}/briefings?period=2023-06`)
  await page.getByTestId('briefing-generate').waitFor()
  await page.getByTestId('briefing-generate').click()
  await page.waitForURL(/\/briefings\/\d+$/)
  const sentence = page.getByTestId('sentence-industry.output')
  await sentence.waitFor()
  const before = (await sentence.innerText()).trim()
  expect(before.startsWith('1-6月，华亭工业园区完成工业总产值'), `generated sentence: ${before}`)
  await screenshot(page, 'briefing-draft')
  // Edit the sentence's template: a typed number is refused, a placeholder is accepted.
  await sentence.click()
  await input(page, 'sentence-template').fill('上半年园区产值9亿元。')
  await page.getByTestId('sentence-save').click()
  await page.locator('.el-form-item__error').first().waitFor()
  await input(page, 'sentence-template').fill('{period.range}，园区工业总产值达到{output.ytd|亿元}，同比{output.yoy_pct|增减}。')
  await page.getByTestId('sentence-save').click()
  await page.getByTestId('sentence-template').waitFor({ state: 'hidden' }).catch(() => undefined)
  await page.waitForFunction(() => document.querySelector('[data-testid="sentence-industry.output"]')?.textContent?.includes('园区工业总产值达到'))
  const edited = (await sentence.innerText()).trim()
  expect(/^1-6月，园区工业总产值达到[\d.]+亿元，同比(增长|下降)[\d.]+%。$/.test(edited) || edited.includes('持平'), `edited: ${edited}`)
  // Approve, issue (confirm), then the page says it is frozen.
  await page.getByTestId('briefing-approve').click()
  await page.getByTestId('briefing-state').getByText('已审核').waitFor()
  await page.getByTestId('briefing-issue').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
  await page.getByTestId('briefing-state').getByText('已印发').waitFor()
  expect(!(await page.getByTestId('briefing-approve').isVisible()), 'no approve on an issued briefing')
  // Download the Word file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-docx').click()])
  const file = await download.path()
  const head = fs.readFileSync(file).subarray(0, 2).toString()
  expect(head === 'PK', 'a DOCX (zip) was downloaded')
  expect(download.suggestedFilename().endsWith('.docx'), `file name ${download.suggestedFilename()}`)
  await screenshot(page, 'briefing-issued')
  // The bell is in the header.
  await page.getByTestId('notification-bell').waitFor()
  // Phone width: no sideways scroll.
  const phone = await newPage({ viewport: PHONE })
  await login(phone)
  await phone.goto(page.url())
  await phone.getByTestId('sentence-industry.output').waitFor()
  expect(!(await hasHorizontalScroll(phone)), 'no sideways scroll at 390px')
  await screenshot(phone, 'briefing-phone')
}
