// Pure option builders of the 亩均效益评价 screens: class distribution, what-if comparison,
// migration heat map, per-mu bars. Plain data in, ECharts option out.
import type { ClassCode, Distribution, GroupCode, MigrationResponse, PerMuFigure } from '@/api/evaluation'

export const CLASS_COLORS: Record<ClassCode, string> = { A: '#2e7d32', B: '#409eff', C: '#e6a23c', D: '#f56c6c', T: '#909399' }
const ORDER: ClassCode[] = ['A', 'B', 'C', 'D', 'T']

/** Count per class over the chosen groups (all when none given). */
export function classTotals(d: Distribution, groups: GroupCode[] = ['above_scale', 'below_scale']): Record<ClassCode, number> {
  const out: Record<ClassCode, number> = { A: 0, B: 0, C: 0, D: 0, T: 0 }
  for (const g of groups) for (const c of ORDER) out[c] += d?.[g]?.[c] ?? 0
  return out
}

/** Stacked bars: one bar per group, one segment per class. */
export function classDistributionOption(d: Distribution, labels: { groups: Record<GroupCode, string>; classes: Record<ClassCode, string> }) {
  const groups: GroupCode[] = ['above_scale', 'below_scale']
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: groups.map((g) => labels.groups[g]) },
    series: ORDER.map((c) => ({
      name: labels.classes[c],
      type: 'bar',
      stack: 'total',
      itemStyle: { color: CLASS_COLORS[c] },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: groups.map((g) => d?.[g]?.[c] ?? 0),
    })),
  }
}

/** Grouped bars: each class before and after a what-if. */
export function whatIfOption(before: Distribution, after: Distribution, labels: { before: string; after: string; classes: Record<ClassCode, string> }) {
  const b = classTotals(before), a = classTotals(after)
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: ORDER.map((c) => labels.classes[c]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.before, type: 'bar', itemStyle: { color: '#b1b3b8' }, data: ORDER.map((c) => b[c]) },
      { name: labels.after, type: 'bar', data: ORDER.map((c) => ({ value: a[c], itemStyle: { color: CLASS_COLORS[c] } })) },
    ],
  }
}

/** Heat map of last year's class (rows) to this year's (columns). */
export function migrationOption(m: MigrationResponse, labels: { from: string; to: string }) {
  const data: [number, number, number][] = []
  let max = 0
  ORDER.forEach((from, y) => ORDER.forEach((to, x) => {
    const v = m.matrix?.[from]?.[to] ?? 0
    max = Math.max(max, v)
    data.push([x, y, v])
  }))
  return {
    tooltip: { position: 'top' },
    grid: { left: 36, right: 16, top: 10, bottom: 70, containLabel: true },
    xAxis: { type: 'category', name: labels.to, nameLocation: 'middle', nameGap: 26, data: ORDER, splitArea: { show: true } },
    yAxis: { type: 'category', name: labels.from, nameLocation: 'middle', nameGap: 26, data: ORDER, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f7ff', '#1f6fd1'] } },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  }
}

/** Horizontal bars of 亩均税收 and 亩均产值 per row (sub-park or industry). */
export function perMuOption(rows: PerMuFigure[], labels: { tax: string; output: string }) {
  const r = [...rows].reverse()
  const round = (v: number | null) => (v == null ? 0 : Math.round(v * 100) / 100)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 40, containLabel: true },
    // Two scales: 亩均税收 is an order of magnitude below 亩均产值.
    xAxis: [
      { type: 'value', position: 'bottom', axisLabel: { color: '#409eff' } },
      { type: 'value', position: 'top', axisLabel: { color: '#67c23a' }, splitLine: { show: false } },
    ],
    yAxis: { type: 'category', data: r.map((x) => x.name) },
    series: [
      { name: labels.tax, type: 'bar', xAxisIndex: 0, itemStyle: { color: '#409eff' }, data: r.map((x) => round(x.tax_per_mu)) },
      { name: labels.output, type: 'bar', xAxisIndex: 1, itemStyle: { color: '#67c23a' }, data: r.map((x) => round(x.output_per_mu)) },
    ],
  }
}
