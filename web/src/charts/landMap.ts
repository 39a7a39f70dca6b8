// Pure builders for the parcel map: the park's parcels drawn from their own GeoJSON (no map tiles),
// coloured by inefficiency kind, 标准地 status or the holder's evaluation class.
import type { Geometry, Kind, LandMap, Parcel } from '@/api/land'
import { KINDS } from '@/api/land'
import { escapeHtml } from '@/utils/html'

export type ColorMode = 'kind' | 'standard' | 'class'

export const KIND_COLORS: Record<Kind | 'none', string> = {
  approved_not_supplied: '#8e7cc3',
  supplied_not_used: '#e05a47',
  used_not_fully: '#f0a030',
  built_not_producing: '#e3c43c',
  producing_below_standard: '#d36b9b',
  none: '#7cbf5a',
}
export const STANDARD_COLORS: Record<string, string> = {
  none: '#c9cdd4',
  pending: '#5b9bea',
  passed: '#4caf50',
  failed: '#f56c6c',
}
export const CLASS_COLORS: Record<string, string> = {
  A: '#2e7d32',
  B: '#7cb342',
  C: '#ffa726',
  D: '#e53935',
  T: '#90a4ae',
  unknown: '#dcdfe6',
}

/** The category a parcel is drawn in: its first inefficiency kind (in the order of the five kinds). */
export function parcelCategory(p: Parcel, mode: ColorMode, classes: Record<number, string> = {}): string {
  if (mode === 'kind') return KINDS.find((k) => p.inefficiency_kinds.includes(k)) ?? 'none'
  if (mode === 'standard') return p.standard_status
  const c = p.holder_enterprise_id != null ? classes[p.holder_enterprise_id] : undefined
  return c && c in CLASS_COLORS ? c : 'unknown'
}

export function colorsFor(mode: ColorMode): Record<string, string> {
  return mode === 'kind' ? KIND_COLORS : mode === 'standard' ? STANDARD_COLORS : CLASS_COLORS
}

export interface LegendItem {
  category: string
  color: string
  count: number
  area_mu: number
}

/** Legend rows in a fixed order, with the number and area of the parcels in each. */
export function legendItems(fc: LandMap, mode: ColorMode, classes: Record<number, string> = {}): LegendItem[] {
  const colors = colorsFor(mode)
  const rows: LegendItem[] = Object.keys(colors).map((category) => ({ category, color: colors[category], count: 0, area_mu: 0 }))
  for (const f of fc.features) {
    const row = rows.find((r) => r.category === parcelCategory(f.properties, mode, classes))
    if (row) {
      row.count++
      row.area_mu += f.properties.area_mu
    }
  }
  return rows
}

type Ring = number[][]
function polygonsOf(g: Geometry): Ring[][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][]
}

/**
 * The collection re-expressed in local kilometres east/north of its south-west corner, so ECharts
 * (which reads coordinates as degrees) draws it undistorted: projected metres are shifted and scaled,
 * lon/lat are projected locally (equirectangular about the mean latitude). Feature names are the ids.
 */
export function toLocalGeoJson(fc: LandMap): { type: 'FeatureCollection'; features: unknown[] } {
  let minX = Infinity
  let minY = Infinity
  let sumLat = 0
  let n = 0
  for (const f of fc.features)
    for (const poly of polygonsOf(f.geometry))
      for (const ring of poly)
        for (const [x, y] of ring) {
          minX = Math.min(minX, x)
          minY = Math.min(minY, y)
          sumLat += y
          n++
        }
  const lonlat = fc.crs === 'lonlat'
  const kx = lonlat ? 111.32 * Math.cos(((n ? sumLat / n : 0) * Math.PI) / 180) : 0.001
  const ky = lonlat ? 110.57 : 0.001
  const map = (p: number[]) => [(p[0] - minX) * kx, (p[1] - minY) * ky]
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: { name: String(f.id) },
      geometry: {
        type: 'MultiPolygon',
        coordinates: polygonsOf(f.geometry).map((poly) => poly.map((ring) => ring.map(map))),
      },
    })),
  }
}

/** Width / height of the collection's extent in local kilometres (1 when empty or degenerate). */
export function localAspect(fc: LandMap): number {
  const g = toLocalGeoJson(fc) as { features: { geometry: { coordinates: number[][][][] } }[] }
  let w = 0
  let h = 0
  for (const f of g.features)
    for (const poly of f.geometry.coordinates)
      for (const ring of poly)
        for (const [x, y] of ring) {
          w = Math.max(w, x)
          h = Math.max(h, y)
        }
  return w > 0 && h > 0 ? w / h : 1
}

/**
 * ECharts' layoutSize (pixels of the longer side) that fits a map of this aspect into the box with a
 * 4% margin, keeping its proportions.
 */
export function fitSize(aspect: number, box: { width: number; height: number }): number {
  const side = aspect >= 1 ? Math.min(box.width, box.height * aspect) : Math.min(box.height, box.width / aspect)
  return Math.max(10, Math.floor(side * 0.96))
}

export interface MapLabels {
  category: (c: string) => string
  area: string
  holder: string
  /** The unit of area_mu: 亩 / mu. */
  mu: string
}

/** The ECharts option of the map series over a map registered as `mapName` (from toLocalGeoJson). */
export function landMapOption(
  fc: LandMap,
  mode: ColorMode,
  mapName: string,
  labels: MapLabels,
  classes: Record<number, string> = {},
  box?: { width: number; height: number },
) {
  const colors = colorsFor(mode)
  const byId = new Map(fc.features.map((f) => [String(f.id), f.properties]))
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const parcel = byId.get(p.name)
        if (!parcel) return ''
        // ECharts puts this string into the page as HTML: every value from the data is escaped.
        const e = escapeHtml
        const cat = e(labels.category(parcelCategory(parcel, mode, classes)))
        const holder = parcel.holder_name ? `<br/>${e(labels.holder)}：${e(parcel.holder_name)}` : ''
        return `<b>${e(parcel.code)}</b> ${e(parcel.name)}<br/>${e(labels.area)}：${e(parcel.area_mu.toFixed(2))} ${e(labels.mu)}${holder}<br/>${cat}`
      },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: true,
        aspectScale: 1,
        layoutCenter: ['50%', '50%'],
        layoutSize: box ? fitSize(localAspect(fc), box) : '95%',
        selectedMode: false,
        label: {
          show: true,
          fontSize: 10,
          color: '#1f2d3d',
          formatter: (p: { name: string }) => byId.get(p.name)?.code.replace(/-DEMO$/, '') ?? '',
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.5 },
        emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#409eff', borderColor: '#1f2d3d' } },
        data: fc.features.map((f) => ({
          name: String(f.id),
          value: f.properties.area_mu,
          itemStyle: { areaColor: colors[parcelCategory(f.properties, mode, classes)] ?? '#dcdfe6' },
        })),
      },
    ],
  }
}

/** Classes by enterprise id from the evaluation module's results. */
export function classesByEnterprise(items: { enterprise_id: number; class: string }[]): Record<number, string> {
  const out: Record<number, string> = {}
  for (const i of items) out[i.enterprise_id] = i.class
  return out
}
