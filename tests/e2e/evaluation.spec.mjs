// 亩均效益评价: the park admin sees the demo ranking with classes, changes a weight in the what-if
// panel and sees the class changes (nothing saved); the phone layout renders.
import { PHONE } from './lib.mjs'

export async function whatIfWeightChangeShowsClassChanges({ newPage, login, input, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-evaluation').click()
  await page.waitForURL(/\/evaluation$/)
  const rows = page.locator('[data-testid="results-table"] .el-table__body-wrapper tbody tr')
  await rows.nth(19).waitFor()
  const a = await page.getByTestId('class-count-A').innerText()
  expect(Number(a.replace(/\D+/g, '')) > 0, `some class A firms expected, saw "${a}"`)
  await screenshot(page, 'evaluation-results-desktop')

  await page.locator('#tab-whatif').click()
  const pane = page.locator('#pane-whatif')
  const weight = input(pane, 'weight-above_scale-tax_per_mu')
  await weight.waitFor()
  await weight.fill('100')
  await weight.press('Tab')
  await pane.getByTestId('whatif-try').click()
  const summary = pane.getByTestId('whatif-summary')
  await summary.waitFor()
  const text = await summary.innerText()
  expect(/\d+/.test(text) && !text.includes('无变化'), `class changes expected, saw "${text}"`)
  const changed = pane.locator('[data-testid="whatif-changes"] .el-table__body-wrapper tbody tr')
  await changed.first().waitFor()
  expect((await changed.count()) > 0, 'the changes table lists enterprises')
  await screenshot(page, 'evaluation-whatif-desktop')

  // Nothing was saved: the ranking still shows the same class A count.
  await page.locator('#tab-results').click()
  expect((await page.getByTestId('class-count-A').innerText()) === a, 'what-if must not change the saved results')
  for (const tab of ['scheme', 'migration', 'policies', 'permu']) {
    await page.locator(`#tab-${tab}`).click()
    await page.locator(`#pane-${tab}`).waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, `evaluation-${tab}-desktop`)
  }
}

export async function evaluationOnAPhone({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'leader', 'Leader@2023demo')
  await page.goto(`${baseUrl}/evaluation`)
  await page.getByTestId('class-count-A').waitFor()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width <= 400, `no horizontal page scroll at 390px (scrollWidth ${width})`)
  expect((await page.getByTestId('eval-run').count()) === 0, 'a read-only leader has no run button')
  await screenshot(page, 'evaluation-phone')
}

// 从平台汇总: the park admin computes the year's inputs from approved reports and held parcels and
// sees the counts (enterprises considered, updated, skipped with reasons).
export async function inputsFromPlatformShowsCounts({ newPage, login, screenshot, expect }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-evaluation').click()
  await page.waitForURL(/\/evaluation$/)
  await page.locator('#tab-inputs').click()
  const pane = page.locator('#pane-inputs')
  await pane.getByTestId('inputs-from-platform').click()
  await page.locator('.el-message-box .el-button--primary').click()
  const result = pane.getByTestId('from-platform-result')
  await result.waitFor()
  const text = await result.innerText()
  expect(/\d+/.test(text), `counts expected, saw "${text}"`)
  await screenshot(page, 'evaluation-from-platform-desktop')
}

// 资源要素差别化配置: the park admin edits a D-class measure and the surcharge schedule, sees a field
// error beside the rate that breaks the non-decreasing rule, is asked before leaving with unsaved
// changes, saves, finds the edited measure and a new rate in the policy list, and restores the defaults.
export async function policySettingsEditShowsInPolicyList({ newPage, login, input, screenshot, expect }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-evaluation').click()
  await page.waitForURL(/\/evaluation$/)
  await page.locator('#tab-policyConfig').click()
  const pane = page.locator('#pane-policyConfig')
  const d = pane.getByTestId('policy-class-D')
  const measure = d.locator('textarea').first()
  await measure.waitFor()
  const edited = '不安排新增用地，限期整治（园区自定）'
  await measure.fill(edited)
  const rates = ['0.08', '0.12', '0.01']
  for (let i = 0; i < rates.length; i++) {
    const rate = input(pane, `surcharge-rate-${i}`)
    await rate.fill(rates[i])
    await rate.press('Tab')
  }
  await pane.getByTestId('policy-dirty').waitFor()

  // Leaving with unsaved changes asks first; staying keeps the edits.
  await page.getByTestId('menu-home').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.locator('.el-button:not(.el-button--primary)').click()
  await page.waitForTimeout(300)
  expect(/\/evaluation$/.test(page.url()), `still on the page after "stay": ${page.url()}`)
  const marked = await page.locator('.side-menu .el-menu-item.is-active').getAttribute('data-testid')
  expect(marked === 'menu-evaluation', `the side menu still marks the page shown: ${marked}`)

  // 0.01 after 0.12 decreases: the server's error shows beside that rate.
  await pane.getByTestId('policy-save').click()
  const rateError = pane.getByTestId('policy-surcharge').locator('.field-error').first()
  await rateError.waitFor()
  expect((await rateError.innerText()).includes('不减'), `decreasing rate refused: ${await rateError.innerText()}`)
  await screenshot(page, 'evaluation-policy-settings-error')

  const last = input(pane, 'surcharge-rate-2')
  await last.fill('0.2')
  await last.press('Tab')
  await pane.getByTestId('policy-save').click()
  await page.locator('.el-message--success').first().waitFor()
  expect((await pane.getByTestId('policy-dirty').count()) === 0, 'saved: nothing unsaved')
  await screenshot(page, 'evaluation-policy-settings-saved')

  await page.locator('#tab-policies').click()
  const list = page.locator('#pane-policies')
  await list.getByText(edited).first().waitFor()
  const surcharges = await list.locator('.el-table__body-wrapper tbody td').allInnerTexts()
  expect(surcharges.some((t) => /^(0\.08|0\.12|0\.2) 元\/kWh$/.test(t.trim())),
    'a D-class firm pays a rate of the new schedule')
  expect((await list.getByTestId('policies-basis').innerText()).includes('本园区'), 'the list says it uses the park configuration')

  // Restore the defaults (with confirmation) so that other tests see the default list.
  await page.locator('#tab-policyConfig').click()
  await pane.getByTestId('policy-reset').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await pane.getByTestId('policy-is-default').waitFor()
  expect((await d.locator('textarea').first().inputValue()) !== edited, 'defaults back')
}
