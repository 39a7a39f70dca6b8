// The plan as a tree (group → task → items) with status counts, and filters by unit and status.
// Pure; unit-tested in planTree.test.ts.
import type { ItemStatus, TaskItem } from '@/api/loop'

export interface PlanTask {
  id: number
  park_id?: number
  no: number
  group: string
  title: string
  lead_units: string[]
  responsible_units: string[]
}

export interface TreeTask extends PlanTask {
  items: TaskItem[]
  counts: Record<ItemStatus, number>
}

export interface TreeGroup {
  group: string
  tasks: TreeTask[]
  counts: Record<ItemStatus, number>
}

const zero = (): Record<ItemStatus, number> => ({ not_started: 0, in_progress: 0, completed: 0, behind: 0 })

export function itemMatches(i: TaskItem, unit: string, status: string): boolean {
  if (status && i.status !== status) return false
  if (unit && !i.lead_units.includes(unit) && !i.responsible_units.includes(unit)) return false
  return true
}

/** Groups in the tasks' order; a group's name carries over to following tasks without one. With a
 * unit or status filter, tasks without a matching item are left out unless the task's own units
 * match the unit (and no status filter is set). */
export function buildPlanTree(tasks: PlanTask[], items: TaskItem[], unit = '', status = ''): TreeGroup[] {
  const byTask = new Map<number, TaskItem[]>()
  for (const i of items) {
    if (!itemMatches(i, unit, status)) continue
    const list = byTask.get(i.task_id) ?? []
    list.push(i)
    byTask.set(i.task_id, list)
  }
  const out: TreeGroup[] = []
  let group = ''
  for (const t of [...tasks].sort((a, b) => a.no - b.no)) {
    group = t.group || group
    const its = byTask.get(t.id) ?? []
    const taskUnitMatch = !!unit && (t.lead_units.includes(unit) || t.responsible_units.includes(unit))
    if ((unit || status) && its.length === 0 && !(taskUnitMatch && !status)) continue
    const counts = zero()
    for (const i of its) counts[i.status]++
    let g = out[out.length - 1]
    if (!g || g.group !== group) {
      g = { group, tasks: [], counts: zero() }
      out.push(g)
    }
    g.tasks.push({ ...t, group, items: its, counts })
    for (const k of Object.keys(counts) as ItemStatus[]) g.counts[k] += counts[k]
  }
  return out
}
