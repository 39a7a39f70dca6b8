// Pure option builders for the key-task charts: plain data in, ECharts option out.
import type { Task } from '@/api/tasks'

export const PALETTE = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#5470c6', '#73c0de', '#3ba272', '#fc8452', '#9a60b4']

export interface GroupCount {
  group: string
  count: number
}

/** Tasks counted per group, in the order groups first appear. */
export function countByGroup(tasks: Task[]): GroupCount[] {
  const m = new Map<string, number>()
  for (const t of tasks) m.set(t.group, (m.get(t.group) ?? 0) + 1)
  return [...m].map(([group, count]) => ({ group, count }))
}

export interface UnitLoad {
  unit: string
  lead: number
  responsible: number
}

/** For each unit, how many tasks it leads and is responsible for; most loaded first (ties by name). */
export function unitWorkload(tasks: Task[], excludeUnits: string[] = []): UnitLoad[] {
  const m = new Map<string, UnitLoad>()
  const get = (u: string) => {
    let v = m.get(u)
    if (!v) m.set(u, (v = { unit: u, lead: 0, responsible: 0 }))
    return v
  }
  for (const t of tasks) {
    for (const u of new Set(t.lead_units)) if (!excludeUnits.includes(u)) get(u).lead++
    for (const u of new Set(t.responsible_units)) if (!excludeUnits.includes(u)) get(u).responsible++
  }
  return [...m.values()].sort((a, b) => b.lead + b.responsible - (a.lead + a.responsible) || a.unit.localeCompare(b.unit, 'zh-CN'))
}

export function tasksByGroupOption(tasks: Task[], seriesName: string) {
  const data = countByGroup(tasks)
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
        avoidLabelOverlap: true,
        label: { formatter: '{c}' },
        data: data.map((d) => ({ name: d.group, value: d.count })),
      },
    ],
  }
}

export function unitWorkloadOption(tasks: Task[], labels: { lead: string; responsible: string }, top = 10, excludeUnits: string[] = []) {
  const rows = unitWorkload(tasks, excludeUnits).slice(0, top).reverse()
  return {
    color: [PALETTE[0], PALETTE[1]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [labels.lead, labels.responsible], top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.unit) },
    series: [
      { name: labels.lead, type: 'bar', stack: 'total', data: rows.map((r) => r.lead) },
      { name: labels.responsible, type: 'bar', stack: 'total', data: rows.map((r) => r.responsible) },
    ],
  }
}
