// Gates and money (issue 15): the admission review page shows the demo world's decisions and a park
// admin records one; the policy page lists the demo policies with their matches; an enterprise user
// sees only fitting policies; the pages fit a 390 px phone without sideways scrolling.
import { PHONE } from './lib.mjs'

export async function admissionPageRecordsADecision({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/gates/admission`)
  await page.getByText('不予准入').first().waitFor()
  // Open a reserve project without a decision and admit it with conditions.
  const rows = await page.evaluate(async () => {
    const parks = await (await fetch('/api/v1/parks')).json()
    const park = parks.items.find((p) => p.parent_id == null)
    return (await (await fetch(`/api/v1/parks/${park.id}/admissions`)).json()).items
  })
  const target = rows.find((r) => r.stage === 'reserve' && r.decision === null) || rows.find((r) => r.stage === 'reserve')
  expect(target, 'the demo park has a reserve project')
  await page.getByTestId(`admission-${target.project_id}`).click()
  await page.getByTestId('decision-conditional').click()
  await page.locator('textarea[data-testid="admission-reasons"]').fill('落实节能措施后签约（测试）')
  await page.getByTestId('admission-save').click()
  await page.getByText('落实节能措施后签约（测试）').first().waitFor()
  await screenshot(page, 'gates-admission')
}

export async function policiesShowMatchesAndFitPhones({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/gates/policies`)
  const title = page.getByText('研发费用加计扣除（演示）').first()
  await title.waitFor()
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (policies)')
  await page.getByText('2024年度高新技术企业所得税减免（演示）').first().click()
  await page.getByText(/匹配企业（[1-9]\d*家）/).waitFor()
  await page.getByText(/高新技术企业（有效期至/).first().waitFor()
  await page.waitForTimeout(500) // the drawer's slide-in
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (matches drawer)')
  await screenshot(page, 'gates-policies-phone')
  await page.goto(`${baseUrl}/gates/land-quota`)
  await page.getByTestId('quota-remaining').waitFor()
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (land quota)')
  await page.goto(`${baseUrl}/gates/admission`)
  await page.getByText('不予准入').first().waitFor()
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (admission)')
}

export async function enterpriseSeesOnlyFittingPolicies({ newPage, login, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'qiye', 'Ent@2023demo')
  await page.goto(`${baseUrl}/gates/policies`)
  await page.getByText('惠企政策').first().waitFor()
  const { mine, all } = await page.evaluate(async () => {
    const mine = (await (await fetch('/api/v1/policies')).json()).items.map((p) => p.title)
    return { mine, all: mine.length }
  })
  for (const t of mine) await page.getByText(t).first().waitFor()
  expect(all < 4, `an enterprise sees only the demo policies that fit it (${all} of 4)`)
}

export async function fundingAndPowersPagesFitPhones({ newPage, login, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.goto(`${baseUrl}/gates/funding`)
  await page.getByTestId('source-special_bond').waitFor()
  await page.locator('[data-testid^="bond-"]').first().waitFor()
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (funding)')
  await page.goto(`${baseUrl}/gates/powers`)
  await page.getByText('企业投资项目备案（演示）').first().waitFor()
  expect(!(await hasHorizontalScroll(page)), 'no sideways scroll at 390 px (powers)')
  // Adjust an item with a reason; the log shows it.
  await page.getByText('排污许可证核发（演示）').first().click()
  await page.locator('input[data-testid="power-note"]').fill('已完成系统对接（测试）')
  await page.locator('input[data-testid="power-reason"]').fill('完成承接准备（测试）')
  await page.getByTestId('power-save').click()
  await page.getByText('动态调整记录').click()
  await page.getByText('完成承接准备（测试）').first().waitFor()
}
