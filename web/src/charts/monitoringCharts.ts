// Pure option builders of the monitoring dashboard (领导驾驶舱): plain figures in, ECharts options out.
import type { MonitoringRow, ProgressStatus, Series12, SubPark } from '@/api/monitoring'

export const STATUS_COLORS: Record<ProgressStatus, string> = {
  green: '#67c23a',
  yellow: '#e6a23c',
  red: '#f56c6c',
  none: '#909399',
}
export const THIS_YEAR = '#409eff'
export const LAST_YEAR = '#a0cfff'

/** A figure with the indicator's decimals and thousands separators; '—' when missing. */
export function formatValue(v: number | null | undefined, decimals = 2): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return v.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** A percentage with two places, '—' when missing. */
export function formatPct(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}%`
}

/** 1-N月累计 per month: running sum for a flow (null from the first missing month on), the level for a stock. */
export function cumulativeOf(series: Series12, kind: 'flow' | 'stock'): Series12 {
  if (kind === 'stock') return [...series]
  const out: Series12 = []
  let sum: number | null = 0
  for (const v of series) {
    sum = sum == null || v == null ? null : sum + v
    out.push(sum == null ? null : Math.round(sum * 1e6) / 1e6)
  }
  return out
}

/** The 序时 target line: target × m / 12 for a flow, the target for a stock. */
export function timeTargetLine(target: number | null, kind: 'flow' | 'stock'): Series12 {
  return Array.from({ length: 12 }, (_, i) => (target == null ? null : kind === 'stock' ? target : Math.round((target * (i + 1)) / 12 * 100) / 100))
}

export function monthLabels(locale: string): string[] {
  return Array.from({ length: 12 }, (_, i) => (locale.startsWith('en') ? `M${i + 1}` : `${i + 1}月`))
}

/** Gauge of completion (完成率) with the time progress (序时进度) as a marker line on the dial. */
export function gaugeOption(row: MonitoringRow, labels: { completion: string; timeProgress: string }, dark = false) {
  const value = row.completion_pct == null ? 0 : Math.round(row.completion_pct * 100) / 100
  const max = Math.max(120, Math.ceil(value / 20) * 20)
  const tp = row.time_progress
  const color = STATUS_COLORS[row.status]
  const text = dark ? '#e5eaf3' : '#303133'
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 12, itemStyle: { color } },
        axisLine: { lineStyle: { width: 12, color: [[Math.min(tp / max, 1), dark ? '#2b3a55' : '#e4e7ed'], [1, dark ? '#1d2b45' : '#f2f3f5']] } },
        pointer: { show: false },
        splitLine: { show: false },
        axisTick: { show: false },
        axisLabel: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '42%'], fontSize: 12, color: dark ? '#a3b3cc' : '#909399' },
        detail: { valueAnimation: false, offsetCenter: [0, '2%'], fontSize: 20, fontWeight: 600, color: text, formatter: (v: number) => (row.completion_pct == null ? '—' : `${v.toFixed(1)}%`) },
        data: [{ value, name: `${labels.timeProgress} ${tp.toFixed(1)}%` }],
      },
    ],
  }
}

/** This year's vs last year's monthly figures (本年 / 上年 trend lines). */
export function trendOption(row: MonitoringRow, labels: { thisYear: string; lastYear: string; months: string[] }) {
  const s = row.series ?? { this_year: Array(12).fill(null), last_year: Array(12).fill(null) }
  return {
    color: [THIS_YEAR, LAST_YEAR],
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.thisYear, labels.lastYear], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels.months, boundaryGap: false },
    yAxis: { type: 'value', name: row.unit, scale: row.kind === 'stock' },
    series: [
      { name: labels.thisYear, type: 'line', smooth: true, connectNulls: false, symbolSize: 6, data: s.this_year, areaStyle: { opacity: 0.08 } },
      { name: labels.lastYear, type: 'line', smooth: true, symbolSize: 4, lineStyle: { type: 'dashed' }, data: s.last_year },
    ],
  }
}

/** Cumulative bars (1-N月累计) against the annual target line and the 序时 target. */
export function cumulativeOption(
  row: MonitoringRow,
  month: number,
  labels: { cumulative: string; lastYear: string; target: string; timeTarget: string; months: string[] },
) {
  const s = row.series ?? { this_year: Array(12).fill(null), last_year: Array(12).fill(null) }
  const cum = cumulativeOf(s.this_year, row.kind).map((v, i) => (i < month ? v : null))
  const cumLast = cumulativeOf(s.last_year, row.kind)
  const series: Record<string, unknown>[] = [
    {
      name: labels.cumulative,
      type: 'bar',
      barMaxWidth: 22,
      data: cum.map((v, i) => ({ value: v, itemStyle: { color: i === month - 1 ? STATUS_COLORS[row.status === 'none' ? 'none' : row.status] : THIS_YEAR } })),
      markLine: row.target == null ? undefined : { symbol: 'none', label: { formatter: `${labels.target} {c}` }, lineStyle: { color: '#f56c6c', type: 'solid' }, data: [{ yAxis: row.target }] },
    },
    { name: labels.lastYear, type: 'line', symbolSize: 4, lineStyle: { type: 'dashed' }, data: cumLast },
  ]
  if (row.target != null) series.push({ name: labels.timeTarget, type: 'line', symbol: 'none', lineStyle: { type: 'dotted', color: '#e6a23c' }, data: timeTargetLine(row.target, row.kind) })
  return {
    color: [THIS_YEAR, LAST_YEAR, '#e6a23c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels.months },
    yAxis: { type: 'value', name: row.unit, max: (v: { max: number }) => Math.max(v.max, row.target ?? 0) },
    series,
  }
}

/** Sub-parks (or a region's parks) compared on one indicator: 1-N月累计 bars, completion in the label. */
export function subParkOption(subParks: SubPark[], code: string, labels: { ytd: string; completion: string }, decimals = 2) {
  const rows = subParks
    .map((sp) => ({ name: sp.name, row: sp.indicators.find((i) => i.code === code) }))
    .filter((r) => r.row)
    .reverse()
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        name: labels.ytd,
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((r) => ({ value: r.row!.ytd, itemStyle: { color: STATUS_COLORS[r.row!.status] === STATUS_COLORS.none ? THIS_YEAR : STATUS_COLORS[r.row!.status] } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex].row!
            return r.completion_pct == null ? formatValue(r.ytd, decimals) : `${formatPct(r.completion_pct)}`
          },
        },
      },
    ],
  }
}
