// Safety (issue 14 item 2): a park admin records an inspection with a hazard for the demo
// enterprise of qiye, the enterprise rectifies it on a phone, the park admin closes it on re-check
// and the year's closure rate rises.
import { PHONE, input } from './lib.mjs'

function isoDate(d) {
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

async function closure(page) {
  const text = await page.getByTestId('stat-closure').innerText()
  return Number(text.replace('%', ''))
}

export async function hazardFoundRectifiedClosed({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const desc = `消防通道堆放杂物 e2e ${Date.now()}`

  // qiye's enterprise (the demo account files for one of the park's firms).
  const ent = await newPage({ viewport: PHONE })
  await login(ent, 'qiye', 'Ent@2023demo')
  const firm = await ent.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json()
    const id = me.enterprise_id ?? me.scope?.enterprise_id
    return (await (await fetch(`/api/v1/enterprises/${id}`)).json()).name
  })
  expect(typeof firm === 'string' && firm.length > 0, `qiye's enterprise: ${firm}`)

  // The park admin records the inspection with one hazard.
  const admin = await newPage()
  await login(admin, 'parkadmin', 'Park@2023demo')
  await admin.goto(`${baseUrl}/safety/hazards`)
  await admin.getByTestId('stat-closure').waitFor()
  await admin.getByTestId('inspection-new').click()
  await input(admin, 'insp-inspector').fill('园区安环办 e2e')
  await admin.getByTestId('insp-enterprise').click()
  await admin.keyboard.type(firm.slice(0, 6))
  await admin.getByRole('option', { name: firm }).click()
  await input(admin, 'insp-h0-desc').fill(desc)
  const deadline = new Date(Date.now() + 10 * 86400000)
  const d = input(admin, 'insp-h0-deadline')
  await d.fill(isoDate(deadline))
  await d.press('Enter')
  await input(admin, 'insp-h0-desc').click()
  await admin.getByTestId('insp-save').click()
  await admin.getByText(desc).waitFor()
  const id = await admin.evaluate(async (desc) => {
    const r = await (await fetch('/api/v1/hazards')).json()
    return r.items.find((h) => h.description === desc).id
  }, desc)
  await admin.getByTestId(`hazard-state-${id}`).getByText('待整改').waitFor()
  const before = await closure(admin)
  await screenshot(admin, 'safety-hazards')

  // The enterprise rectifies it on a phone.
  await ent.goto(`${baseUrl}/safety/hazards`)
  await ent.getByTestId(`hazard-rectify-${id}`).click()
  await input(ent, 'step-text').fill('已清理通道并设置禁止堆放标识')
  await ent.getByTestId('step-submit').click()
  await ent.getByTestId(`hazard-state-${id}`).getByText('待复查').waitFor()
  expect(!(await hasHorizontalScroll(ent)), 'the hazard list fits a phone')
  await screenshot(ent, 'safety-rectified-phone')

  // The park admin closes it on re-check; the closure rate rises.
  await admin.reload()
  await admin.getByTestId(`hazard-recheck-${id}`).click()
  await admin.getByTestId('step-submit').click()
  await admin.getByTestId(`hazard-state-${id}`).getByText('已闭环').waitFor()
  await admin.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="stat-closure"]')
    return el && Number(el.textContent.replace('%', '')) !== b
  }, before)
  const after = await closure(admin)
  expect(after > before, `the closure rate rises: ${before} → ${after}`)
  await screenshot(admin, 'safety-closed')
}

export async function safetyPagesFitAPhone({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/safety/facilities`)
  await page.getByTestId('facility-warnings').getByText('危废').first().waitFor()
  expect(!(await hasHorizontalScroll(page)), 'the facilities page fits a phone')
  await screenshot(page, 'safety-facilities-phone')
  await page.goto(`${baseUrl}/safety/hazards`)
  await page.getByTestId('stat-closure').waitFor()
  await page.getByText('按月份、类别、企业统计').click()
  await page.getByText('月份').first().waitFor()
  expect(!(await hasHorizontalScroll(page)), 'the hazards page with its statistics fits a phone')
  await screenshot(page, 'safety-hazards-phone')
}
