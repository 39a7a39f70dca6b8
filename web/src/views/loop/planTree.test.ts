import { describe, expect, it } from 'vitest'
import type { TaskItem } from '@/api/loop'
import { buildPlanTree } from './planTree'

const task = (id: number, no: number, group: string, lead: string[], resp: string[]) => ({
  id, no, group, title: `任务${no}`, lead_units: lead, responsible_units: resp,
})
const item = (id: number, task_id: number, status: TaskItem['status'], resp: string[]): TaskItem =>
  ({ id, task_id, status, lead_units: ['工业园区'], responsible_units: resp } as unknown as TaskItem)

const tasks = [task(1, 1, '甲', ['工业园区'], ['工信局']), task(2, 2, '', ['工业园区'], ['科技局']), task(3, 3, '乙', ['工业园区'], [])]
const items = [item(10, 1, 'behind', ['工信局']), item(11, 1, 'completed', ['工信局']), item(12, 2, 'in_progress', ['科技局'])]

describe('buildPlanTree', () => {
  it('groups tasks (carrying group names over) and counts statuses', () => {
    const tree = buildPlanTree(tasks, items)
    expect(tree.map((g) => g.group)).toEqual(['甲', '乙'])
    expect(tree[0].tasks.map((t) => t.no)).toEqual([1, 2])
    expect(tree[0].counts).toEqual({ not_started: 0, in_progress: 1, completed: 1, behind: 1 })
    expect(tree[1].tasks[0].items).toEqual([])
  })
  it('filters by unit and by status', () => {
    const byUnit = buildPlanTree(tasks, items, '科技局')
    expect(byUnit.flatMap((g) => g.tasks.map((t) => t.no))).toEqual([2])
    const behind = buildPlanTree(tasks, items, '', 'behind')
    expect(behind.flatMap((g) => g.tasks.flatMap((t) => t.items.map((i) => i.id)))).toEqual([10])
    expect(buildPlanTree(tasks, items, '工信局', 'in_progress')).toEqual([])
  })
})
