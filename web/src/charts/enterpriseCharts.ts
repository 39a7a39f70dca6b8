// Pure option builders for the enterprises module: plain data in, ECharts option out.
import { PALETTE } from './taskCharts'

export interface SeriesRow {
  period: string
  values: Record<string, number>
}

/** Months from..to inclusive as "YYYY-MM". */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/** The value of each field per month (null where not reported), aligned to the months given. */
export function alignSeries(rows: SeriesRow[], months: string[], field: string): (number | null)[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r.values[field]]))
  return months.map((m) => {
    const v = byPeriod.get(m)
    return v === undefined ? null : v
  })
}

/** A line chart of several fields over the months (一企一档 trends). */
export function trendOption(rows: SeriesRow[], months: string[], fields: { code: string; name: string }[], unit: string) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: unit },
    series: fields.map((f) => ({ name: f.name, type: 'line', smooth: true, connectNulls: false, data: alignSeries(rows, months, f.code) })),
  }
}

export interface ShareRow {
  name: string
  total: number
}

/** A ring chart of a total split by group (e.g. output by leading-industry group); empty groups left out. */
export function shareOption(rows: ShareRow[], seriesName: string) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name: seriesName,
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: rows.filter((r) => r.total > 0).map((r) => ({ name: r.name, value: Math.round(r.total * 100) / 100 })),
      },
    ],
  }
}

/** Bars of monthly park totals (approved reports), this year against last year. */
export function monthlyBarsOption(thisYear: (number | null)[], lastYear: (number | null)[], labels: { this: string; last: string; unit: string }) {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
  return {
    color: [PALETTE[4], PALETTE[0]],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      { name: labels.last, type: 'bar', data: lastYear },
      { name: labels.this, type: 'bar', data: thisYear },
    ],
  }
}

/** Days-left badge type for the work queue. */
export function deadlineTag(status: string, daysLeft: number): 'success' | 'warning' | 'danger' | 'info' {
  if (status === 'done') return 'success'
  if (status === 'returned' || status === 'overdue') return 'danger'
  if (status === 'not_yet_open') return 'info'
  return daysLeft <= 3 ? 'warning' : 'info'
}
