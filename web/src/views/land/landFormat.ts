import { localDateIso, todayIso as clockToday } from '@/utils/time'
// Small pure helpers shared by the land pages (unit-tested in landFormat.test.ts).
export function fmt(n: number | null | undefined, digits = 2): string {
  if (n == null || !Number.isFinite(n)) return '—'
  return n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function pct(fraction: number | null | undefined, digits = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return '—'
  return `${(fraction * 100).toFixed(digits)}%`
}

/** Today as YYYY-MM-DD in the deployment's time zone (a given instant: that instant's date there). */
export function todayIso(now?: Date): string {
  return now ? localDateIso(now.getTime()) : clockToday()
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
