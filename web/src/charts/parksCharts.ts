// Pure option builders of the park evaluation (issue 13 item 1): one radar per park over the
// scheme's categories, each axis scaled to the category's full points, and the ranking bars.
import { escapeHtml } from '@/utils/html'
import type { EvalScheme, ParkScore } from '@/api/parks'

/** Full points per category: the sum of its indicators' weights. */
export function categoryMaxima(scheme: EvalScheme): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of scheme.categories) out[c] = 0
  for (const i of scheme.indicators) out[i.category] = (out[i.category] ?? 0) + i.weight
  return out
}

/** A park's category scores against the region's best in each category (radar). */
export function radarOption(scheme: EvalScheme, park: ParkScore, all: ParkScore[], labels: { park: string; best: string }) {
  const max = categoryMaxima(scheme)
  const best = scheme.categories.map((c) => Math.max(0, ...all.map((p) => p.categories[c] ?? 0)))
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name?: string; value?: number[] }) => {
        const rows = scheme.categories.map((c, i) => `${escapeHtml(c)}：${round(p.value?.[i] ?? 0)} / ${round(max[c])}`)
        return `<b>${escapeHtml(p.name ?? '')}</b><br/>${rows.join('<br/>')}`
      },
    },
    legend: { bottom: 0, data: [labels.park, labels.best] },
    radar: {
      radius: '62%',
      indicator: scheme.categories.map((c) => ({ name: c, max: max[c] || 1 })),
      axisName: { color: '#606266', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.park, value: scheme.categories.map((c) => park.categories[c] ?? 0), areaStyle: { opacity: 0.25 } },
          { name: labels.best, value: best, lineStyle: { type: 'dashed' }, itemStyle: { color: '#b1b3b8' } },
        ],
      },
    ],
  }
}

/** Horizontal bars of the parks' scores, best on top. */
export function rankingOption(parks: ParkScore[], labels: { score: string }) {
  const sorted = [...parks].sort((a, b) => b.rank - a.rank)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: sorted.map((p) => p.park_name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: labels.score, type: 'bar', data: sorted.map((p) => p.score), label: { show: true, position: 'right' } }],
  }
}
