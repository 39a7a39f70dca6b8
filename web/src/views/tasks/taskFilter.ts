import type { Task } from '@/api/tasks'

/** Every unit named in the tasks (lead or responsible), sorted by Chinese collation. */
export function unitsOf(tasks: Task[]): string[] {
  const s = new Set<string>()
  for (const t of tasks) for (const u of [...t.lead_units, ...t.responsible_units]) s.add(u)
  return [...s].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}

export function filterTasks(tasks: Task[], f: { unit?: string; keyword?: string }): Task[] {
  const kw = (f.keyword ?? '').trim().toLowerCase()
  return tasks.filter((t) => {
    if (f.unit && !t.lead_units.includes(f.unit) && !t.responsible_units.includes(f.unit)) return false
    if (kw && ![t.title, t.group, t.note, ...t.lead_units, ...t.responsible_units].some((s) => s?.toLowerCase().includes(kw)))
      return false
    return true
  })
}

/** Row spans for merging the group column: first row of a run gets the run length, the rest 0. */
export function groupSpans(rows: Task[]): number[] {
  const spans = new Array<number>(rows.length).fill(0)
  let start = 0
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i].group !== rows[start].group) {
      spans[start] = i - start
      start = i
    }
  }
  return spans
}

/** Fills an empty group from the task above (the source document names a group only once). */
export function fillGroups(tasks: Task[]): Task[] {
  let last = ''
  return tasks.map((t) => {
    const group = t.group || last
    last = group
    return { ...t, group, lead_units: t.lead_units ?? [], responsible_units: t.responsible_units ?? [], note: t.note ?? '' }
  })
}
