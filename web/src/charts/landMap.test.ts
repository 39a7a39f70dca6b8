import { describe, expect, it } from 'vitest'
import type { LandMap, Parcel } from '@/api/land'
import { classesByEnterprise, fitSize, landMapOption, legendItems, localAspect, parcelCategory, toLocalGeoJson } from './landMap'

const parcel = (id: number, extra: Partial<Parcel> = {}): Parcel =>
  ({ id, code: `P-${id}-DEMO`, name: `地块${id}`, area_mu: 10, holder_name: '', holder_enterprise_id: null, inefficiency_kinds: [], standard_status: 'none', ...extra }) as Parcel

const square = (x: number, y: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] })

const fc: LandMap = {
  type: 'FeatureCollection',
  date: '2023-12-31',
  crs: 'projected',
  features: [
    { type: 'Feature', id: 1, properties: parcel(1, { inefficiency_kinds: ['used_not_fully', 'built_not_producing'] }), geometry: square(512000, 3897000, 100) },
    { type: 'Feature', id: 2, properties: parcel(2, { standard_status: 'failed', holder_enterprise_id: 7 }), geometry: square(512200, 3897100, 50) },
  ],
}

describe('parcelCategory', () => {
  it('takes the first kind in the order of the five kinds', () => {
    expect(parcelCategory(fc.features[0].properties, 'kind')).toBe('used_not_fully')
    expect(parcelCategory(fc.features[1].properties, 'kind')).toBe('none')
  })
  it('uses the 标准地 status and the holder class', () => {
    expect(parcelCategory(fc.features[1].properties, 'standard')).toBe('failed')
    expect(parcelCategory(fc.features[1].properties, 'class', { 7: 'D' })).toBe('D')
    expect(parcelCategory(fc.features[0].properties, 'class', { 7: 'D' })).toBe('unknown')
  })
})

describe('toLocalGeoJson', () => {
  it('shifts projected metres to kilometres from the south-west corner', () => {
    const g = toLocalGeoJson(fc) as { features: { properties: { name: string }; geometry: { coordinates: number[][][][] } }[] }
    expect(g.features[0].properties.name).toBe('1')
    expect(g.features[0].geometry.coordinates[0][0][0]).toEqual([0, 0])
    expect(g.features[1].geometry.coordinates[0][0][2]).toEqual([0.25, 0.15])
  })
  it('projects lon/lat locally', () => {
    const ll: LandMap = { ...fc, crs: 'lonlat', features: [{ ...fc.features[0], geometry: square(106.6, 35.2, 0.01) }] }
    const g = toLocalGeoJson(ll) as { features: { geometry: { coordinates: number[][][][] } }[] }
    const [x, y] = g.features[0].geometry.coordinates[0][0][2]
    expect(x).toBeCloseTo(0.9096, 3)
    expect(y).toBeCloseTo(1.1057, 3)
  })
})

describe('landMapOption and legend', () => {
  it('colours each parcel and counts the legend', () => {
    const opt = landMapOption(fc, 'kind', 'm', { category: (c) => c, area: '面积', holder: '用地单位', mu: '亩' })
    const data = opt.series[0].data
    expect(data.map((d) => d.name)).toEqual(['1', '2'])
    expect(data[0].itemStyle.areaColor).toBe('#f0a030')
    expect(opt.series[0].label.formatter({ name: '1' })).toBe('P-1')
    expect(opt.tooltip.formatter({ name: '2' })).toContain('P-2-DEMO')
    const legend = legendItems(fc, 'kind')
    expect(legend.find((l) => l.category === 'used_not_fully')?.count).toBe(1)
    expect(legend.find((l) => l.category === 'none')?.area_mu).toBe(10)
  })
  it('maps evaluation items by enterprise', () => {
    expect(classesByEnterprise([{ enterprise_id: 3, class: 'A' }])).toEqual({ 3: 'A' })
  })
})

describe('fitting the map into its box', () => {
  it('keeps the proportions of the park plan', () => {
    expect(localAspect(fc)).toBeCloseTo(0.25 / 0.15, 6)
    expect(fitSize(2, { width: 1000, height: 400 })).toBe(768) // height-bound: 400 × 2 × 0.96
    expect(fitSize(2, { width: 600, height: 400 })).toBe(576) // width-bound
    expect(fitSize(0.5, { width: 600, height: 400 })).toBe(384)
    const opt = landMapOption(fc, 'kind', 'm', { category: (c) => c, area: '', holder: '', mu: '亩' }, {}, { width: 500, height: 300 })
    expect(opt.series[0].layoutSize).toBe(480)
  })
})
