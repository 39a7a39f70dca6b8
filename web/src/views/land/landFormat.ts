// Small pure helpers shared by the land pages (unit-tested in landFormat.test.ts).
import type { Parcel } from '@/api/land'

export function fmt(n: number | null | undefined, digits = 2): string {
  if (n == null || !Number.isFinite(n)) return '—'
  return n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function pct(fraction: number | null | undefined, digits = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return '—'
  return `${(fraction * 100).toFixed(digits)}%`
}

/** Today as YYYY-MM-DD in Beijing time. */
export function todayIso(now: Date = new Date()): string {
  const d = new Date(now.getTime() + 8 * 3600 * 1000)
  return d.toISOString().slice(0, 10)
}

export const STAGE_TAG: Record<string, 'success' | 'warning' | 'info' | 'danger' | 'primary'> = {
  planned: 'info',
  approved: 'info',
  supplied: 'warning',
  under_construction: 'primary',
  halted: 'danger',
  completed: 'warning',
  producing: 'success',
}
export const STANDARD_TAG: Record<string, 'success' | 'warning' | 'info' | 'danger' | 'primary'> = {
  none: 'info',
  pending: 'primary',
  passed: 'success',
  failed: 'danger',
}

/** CSV rows of parcels for the export (header keys are i18n keys). */
export function parcelRows(parcels: Parcel[], parkName: (id: number) => string, label: (key: string) => string): unknown[][] {
  return parcels.map((p) => [
    p.code,
    p.name,
    parkName(p.park_id),
    p.area_mu.toFixed(2),
    p.land_use,
    p.holder_name,
    label(`land.stageName.${p.stage}`),
    label(`land.standardName.${p.standard_status}`),
    p.inefficiency_kinds.map((k) => label(`land.kind.${k}`)),
    p.approved ?? '',
    p.supplied ?? '',
    p.agreed_start ?? '',
    p.actual_start ?? '',
    p.completed ?? '',
    p.production ?? '',
  ])
}

export const PARCEL_HEADER_KEYS = [
  'land.code', 'land.name', 'land.subPark', 'land.areaMu', 'land.landUse', 'land.holder', 'land.stage', 'land.standard',
  'land.kinds', 'land.approved', 'land.supplied', 'land.agreedStart', 'land.actualStart', 'land.completed', 'land.production',
]
