// Monitoring (issue 3): entering a month in the grid changes the leaders' dashboard; wall-screen
// mode; the dashboard on a phone.
import { PHONE } from './lib.mjs'

async function parkId(page, baseUrl) {
  const parks = await page.evaluate(async (u) => (await (await fetch(`${u}/api/v1/parks`)).json()).items, baseUrl)
  return parks.find((p) => p.name === '华亭工业园区').id
}

export async function enterMonthAndSeeDashboardChange({ newPage, login, input, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page)
  const park = await parkId(page, baseUrl)
  // The month after the demo's last approved one: the month being filed, nobody has entered it yet
  // (the demo runs through the month before the last complete month, docs/figures.md §4).
  const latest = await page.evaluate(async (u) => (await (await fetch(u)).json()).period, `${baseUrl}/api/v1/parks/${park}/monitoring/latest`)
  const [ly, lm] = latest.split('-').map(Number)
  const year = lm === 12 ? ly + 1 : ly
  const period = `${year}-${String(lm === 12 ? 1 : lm + 1).padStart(2, '0')}`
  const grid = await page.evaluate(async (u) => (await (await fetch(u)).json()), `${baseUrl}/api/v1/parks/${park}/indicator-values?year=${year}`)
  expect(grid.months[Number(period.slice(5)) - 1].state === 'not_started', `${period} is free`)
  // The dashboard of that month before anything is entered for it.
  await page.goto(`${baseUrl}/monitoring?scope=park:${park}&period=${period}`)
  await page.getByTestId('monitoring-table').waitFor()
  await page.waitForTimeout(500)
  const before = (await page.getByTestId('month-fai').innerText()).trim()
  expect(before === '—', `before entry the ${period} fai is empty, saw ${before}`)
  // Enter it in the monthly grid.
  await page.goto(`${baseUrl}/monitoring/entry?park=${park}&year=${year}`)
  await page.getByTestId(`edit-${period}`).click()
  await page.getByTestId('month-dialog').waitFor()
  await input(page, 'value-fai').fill('1234.5')
  await input(page, 'value-output').fill('-3')
  await page.getByTestId('month-save').click()
  // The negative figure is refused next to its field (the input clamps to 0 or the server says 422).
  await page.waitForTimeout(500)
  if (await page.getByTestId('month-dialog').isVisible()) {
    await input(page, 'value-output').fill('11800')
    await page.getByTestId('month-save').click()
  }
  await page.getByTestId('month-dialog').waitFor({ state: 'hidden' })
  await page.getByTestId(`cell-${period}-fai`).getByText('1,234.50').waitFor()
  expect((await page.getByTestId(`state-${period}`).innerText()).includes('填报中'), 'an entered month is a draft')
  await screenshot(page, 'monitoring-entry')
  // Submit it.
  await page.getByTestId(`submit-${period}`).click()
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
  await page.getByTestId(`state-${period}`).getByText('已提交').waitFor()
  // The dashboard now shows it.
  await page.goto(`${baseUrl}/monitoring?scope=park:${park}&period=${period}`)
  await page.getByTestId('month-fai').getByText('1,234.50').waitFor()
  const after = (await page.getByTestId('month-fai').innerText()).trim()
  expect(after === '1,234.50', `after entry the dashboard shows 1,234.50, saw ${after}`)
  expect((await page.getByTestId('dashboard-state').innerText()).includes('已提交'), 'the month state is shown')
  await screenshot(page, 'monitoring-dashboard-after-entry')
  // Drill down to the months and sub-parks of an indicator.
  await page.getByTestId('kpi-fai').click()
  await page.getByTestId('drill-months').waitFor()
  await page.getByTestId('drill-subparks').waitFor()
  await screenshot(page, 'monitoring-drill')
}

export async function dashboardWallScreenAndPhone({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage()
  await login(page, 'leader', 'Leader@2023demo')
  const park = await parkId(page, baseUrl)
  await page.goto(`${baseUrl}/monitoring?scope=park:${park}&period=2023-06`)
  await page.getByTestId('kpi-value-fai').waitFor()
  await page.getByTestId('dashboard-demo').waitFor() // demo data is labelled
  const warnings = await page.getByTestId('dashboard-warnings').locator('li').count()
  expect(warnings > 0, 'June 2023 has warnings')
  await page.getByTestId('dashboard-screen').click()
  await page.waitForTimeout(600)
  expect(await page.locator('.dashboard.screen').count() === 1, 'wall-screen mode applies')
  await screenshot(page, 'monitoring-wall-screen')
  const phone = await newPage({ viewport: PHONE })
  await login(phone, 'leader', 'Leader@2023demo')
  await phone.goto(`${baseUrl}/monitoring?scope=park:${park}&period=2023-06`)
  await phone.getByTestId('kpi-value-fai').waitFor()
  await phone.waitForTimeout(500)
  await screenshot(phone, 'monitoring-dashboard-phone')
  expect(!(await hasHorizontalScroll(phone)), 'the dashboard does not scroll horizontally at 390px')
}
