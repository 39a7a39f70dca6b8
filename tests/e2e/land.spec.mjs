// Land (issue 6): the parcel map drawn from the parcels' own GeoJSON; clicking a parcel opens it.
import { PHONE } from './lib.mjs'

/** Pixel position of a parcel on the map (ParcelMap.vue exposes parcelPixel for tests). */
async function clickParcel(page, id) {
  const map = page.getByTestId('parcel-map')
  await map.waitFor()
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="parcel-map"]')
    return el && typeof el.parcelPixel === 'function' && el.querySelector('canvas')
  })
  await page.waitForTimeout(600) // first render
  const px = await page.evaluate((i) => document.querySelector('[data-testid="parcel-map"]').parcelPixel(i), id)
  if (!px) throw new Error(`parcel ${id} is not on the map`)
  const box = await map.boundingBox()
  await page.mouse.click(box.x + px[0], box.y + px[1])
}

export async function mapClickOpensTheParcel({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'parkadmin', 'Park@2023demo')
  await page.getByTestId('menu-land-map').click()
  await page.waitForURL(/\/land\/map$/)
  const legend = page.getByTestId('map-legend')
  await legend.getByText('供而未用(闲置)').waitFor()
  // Pick a demo parcel that is idle land by asking the API the page itself uses.
  const fc = await page.evaluate(async () => {
    const parks = await (await fetch('/api/v1/parks')).json()
    const park = parks.items.find((p) => p.parent_id == null)
    return (await fetch(`/api/v1/parks/${park.id}/land-map`)).json()
  })
  const idle = fc.features.find((f) => f.properties.code === 'HT-MH-04-DEMO')
  expect(idle, 'the demo parcel HT-MH-04-DEMO is on the map')
  expect(idle.properties.inefficiency_kinds.includes('supplied_not_used'), 'HT-MH-04-DEMO is idle land')
  await screenshot(page, 'land-map')
  await clickParcel(page, idle.id)
  await page.waitForURL(new RegExp(`/land/parcels/${idle.id}$`))
  const title = page.getByTestId('parcel-title')
  await title.waitFor()
  expect((await title.innerText()).includes('HT-MH-04-DEMO'), 'the parcel page shows the clicked parcel')
  await page.getByText('供而未用').first().waitFor()
  await screenshot(page, 'land-parcel')
  // Colour by 标准地 status; the legend follows.
  await page.goBack()
  await page.getByTestId('map-mode').getByText('标准地状态').click()
  await legend.getByText('未达标', { exact: true }).waitFor()
}

export async function inefficientLandShowsTheFiveKinds({ newPage, login, screenshot, expect, baseUrl }) {
  const page = await newPage()
  await login(page, 'leader', 'Leader@2023demo')
  await page.goto(`${baseUrl}/land/inefficient?date=2023-12-31`)
  await page.getByTestId('inefficient-totals').waitFor()
  await page.getByText('HT-DL-04-DEMO').first().waitFor()
  for (const k of ['approved_not_supplied', 'supplied_not_used', 'used_not_fully', 'built_not_producing', 'producing_below_standard']) {
    const text = await page.getByTestId(`total-${k}`).innerText()
    expect(!/\b0\.00\b/.test(text), `${k} has land on 2023-12-31: ${text}`)
  }
  await screenshot(page, 'land-inefficient')
  expect(!(await page.getByText('新增处置').count()), 'a read-only leader is not offered writes')
}

export async function parcelListOnAPhone({ newPage, login, screenshot, expect, hasHorizontalScroll, baseUrl }) {
  const page = await newPage({ viewport: PHONE })
  await login(page, 'gxj', 'Dept@2023demo')
  await page.goto(`${baseUrl}/land/parcels`)
  await page.getByTestId('parcel-card').first().waitFor()
  await screenshot(page, 'land-parcels-phone')
  expect(!(await hasHorizontalScroll(page)), 'parcel list scrolls horizontally at 390px')
  await page.getByTestId('parcel-card').first().click()
  await page.getByTestId('parcel-title').waitFor()
  expect(!(await hasHorizontalScroll(page)), 'parcel page scrolls horizontally at 390px')
}
