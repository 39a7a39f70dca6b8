// Pure helpers of the SME park pages (unit-tested in smeFormat.test.ts).
import type { Unit, UnitStatus } from './api'

/** Floor-plan tile colours by unit status (Element Plus palette). */
export const STATUS_COLORS: Record<UnitStatus, string> = {
  vacant: '#e1f3d8',
  leased: '#c6e2ff',
  self_use: '#e9e9eb',
  repair: '#fde2e2',
}

/** The units of a floor plan grouped by floor, top floor first (as a building is drawn), each
 *  floor ordered by grid position then code. */
export function floorsOf(units: Unit[]): { floor: number; units: Unit[] }[] {
  const by = new Map<number, Unit[]>()
  for (const u of units) {
    const list = by.get(u.floor) ?? []
    list.push(u)
    by.set(u.floor, list)
  }
  return [...by.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([floor, list]) => ({
      floor,
      units: [...list].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)),
    }))
}

/** A number with at most `places` decimals, thousands separated (1234.5 → "1,234.5"). */
export function num(v: number | null | undefined, places = 2): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return v.toLocaleString('zh-CN', { maximumFractionDigits: places })
}

/** YYYY-MM of a date string ("2026-12-08" → "2026-12"). */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}
