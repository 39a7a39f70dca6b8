// The management loop (issue 19): a 督办单 issued from a meeting decision, reported done by the unit on
// a phone-sized page, confirmed by the issuer, and the assessment moving with it.
import { PHONE, input } from './lib.mjs'

function isoDate(d) {
  return d.toISOString().slice(0, 10)
}

async function unitScore(page, year, unit) {
  return page.evaluate(async ({ year, unit }) => {
    const r = await (await fetch(`/api/v1/assessment/${year}`)).json()
    const u = r.units.find((x) => x.unit === unit)
    return u ? u.score : null
  }, { year, unit })
}

export async function supervisionFromMeetingToAssessment({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const now = new Date()
  const year = now.getUTCFullYear()
  const end = new Date(Date.UTC(year, 11, 31))
  const due = new Date(Math.min(now.getTime() + 3 * 86400000, end.getTime()))
  const title = `督办：调度会议定事项 e2e ${Date.now()}`

  // The issuer (park admin) issues it from the board, desktop-sized.
  const admin = await newPage()
  await login(admin, 'parkadmin', 'Park@2023demo')
  await admin.goto(`${baseUrl}/supervision`)
  await admin.getByTestId('issue-open').click()
  await input(admin, 'issue-title').fill(title)
  await admin.getByTestId('issue-units').click()
  await admin.keyboard.type('招商服务中心')
  await admin.getByRole('option', { name: '招商服务中心' }).click()
  await input(admin, 'issue-title').click() // closes the options list (Escape would close the dialog)
  const dateInput = input(admin, 'issue-deadline')
  await dateInput.fill(isoDate(due))
  await dateInput.press('Enter')
  await input(admin, 'issue-source-text').fill('经济运行调度会议定事项')
  await admin.getByTestId('issue-save').click()
  await admin.waitForURL(/\/supervision\?id=\d+/)
  const id = Number(new URL(admin.url()).searchParams.get('id'))
  expect(id > 0, 'the new order opens')
  const before = await unitScore(admin, year, '招商服务中心')
  expect(before !== null, 'the unit is assessed this year')

  // The unit reports it done on a phone.
  const phone = await newPage({ viewport: PHONE })
  await login(phone, 'zsfw', 'Dept@2023demo')
  await phone.waitForURL(/\/my-queue$/)
  await phone.getByTestId(`queue-sup-${id}`).waitFor()
  expect(!(await hasHorizontalScroll(phone)), 'the work queue fits a phone')
  await screenshot(phone, 'loop-queue-phone')
  await phone.goto(`${baseUrl}/supervision?id=${id}`)
  await phone.getByTestId('sup-receive').click()
  await input(phone, 'sup-text').fill('已按会议要求办结')
  await input(phone, 'sup-evidence').fill('办结报告.pdf')
  await phone.getByTestId('sup-done').click()
  await phone.getByTestId('sup-unit-招商服务中心').getByText('已报办结').waitFor()
  expect(!(await hasHorizontalScroll(phone)), 'the 督办 drawer fits a phone')
  await screenshot(phone, 'loop-done-phone')

  // The issuer confirms (销号); the unit's assessment rises by the 督办's weight.
  await admin.goto(`${baseUrl}/supervision?id=${id}`)
  await admin.getByTestId('sup-confirm').click()
  await admin.getByTestId('sup-unit-招商服务中心').getByText('已销号').waitFor()
  const after = await unitScore(admin, year, '招商服务中心')
  expect(after > before, `the assessment moves after 销号: ${before} → ${after}`)
  await admin.goto(`${baseUrl}/assessment`)
  await admin.getByTestId('assessment-year').waitFor()
  await screenshot(admin, 'loop-assessment')
}

export async function loopPagesFitAPhone({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'gxj', 'Dept@2023demo')
  await page.waitForURL(/\/my-queue$/)
  await page.goto(`${baseUrl}/task-plan`)
  await page.getByText('科学谋划发展布局').first().click()
  await page.getByTestId('task-1').waitFor()
  expect(!(await hasHorizontalScroll(page)), 'the plan tree fits a phone')
  await screenshot(page, 'loop-plan-phone')
  for (const path of ['/supervision', '/meetings', '/assessment']) {
    await page.goto(`${baseUrl}${path}`)
    await page.waitForLoadState('networkidle')
    expect(!(await hasHorizontalScroll(page)), `${path} fits a phone`)
  }
  await screenshot(page, 'loop-assessment-phone')
}

// A park admin adds a breakdown item linked to a cultivation pool from the plan tree (its progress then
// comes from the pool, not from typing), and opens the yearly plans to see the plan's tasks.
export async function addLinkedItemAndSeePlanTasks({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/task-plan`)
  await page.getByText('科学谋划发展布局').first().click()
  await page.getByTestId('item-add-1').click()
  const content = `培育入规后备企业 e2e ${Date.now()}`
  await input(page, 'item-content').fill(content)
  await input(page, 'item-target').fill('3')
  await input(page, 'item-unit').fill('户')
  await page.getByTestId('item-link-kind').click()
  await page.getByRole('option', { name: '培育库' }).click()
  await page.getByTestId('item-link-ref').click()
  await page.getByRole('option', { name: /入规培育后备库/ }).click()
  const deadline = input(page, 'item-deadline')
  await deadline.fill(`${new Date().getUTCFullYear()}-12-31`)
  await deadline.press('Enter')
  await screenshot(page, 'loop-item-dialog')
  await page.getByTestId('item-save').click()
  await page.getByText(content).waitFor()
  const item = await page.evaluate(async (content) => {
    const r = await (await fetch('/api/v1/task-items?page_size=500')).json()
    return r.items.find((i) => i.content === content)
  }, content)
  expect(item && item.link && item.link.kind === 'pool', `the item is linked to a pool: ${JSON.stringify(item?.link)}`)
  expect(item.progress_source === 'pool', `its progress comes from the pool: ${item.progress_source}`)

  await page.getByTestId('plans-manage').click()
  await page.getByTestId('plan-tasks-2023').click()
  await page.getByTestId('plan-task-edit-25').waitFor()
  const rows = await page.getByTestId('plan-tasks-table').locator('tbody tr').count()
  expect(rows >= 25, `the 2023 plan's tasks are listed: ${rows}`)
  await screenshot(page, 'loop-plan-tasks')
}
