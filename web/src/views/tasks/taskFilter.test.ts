import { describe, expect, it } from 'vitest'
import type { Task } from '@/api/tasks'
import { fillGroups, filterTasks, groupSpans, unitsOf } from './taskFilter'

const t = (no: number, group: string, lead: string[], resp: string[], title = `任务${no}`): Task => ({ no, group, title, lead_units: lead, responsible_units: resp, note: '' })
const rows = [t(1, 'A', ['工业园区'], ['工信局']), t(2, 'A', ['工业园区'], ['科技局'], '完善科技创新体系'), t(3, 'B', ['工信局'], [])]

describe('tasks filters', () => {
  it('lists units once', () => expect(unitsOf(rows).sort()).toEqual(['工业园区', '工信局', '科技局'].sort()))
  it('filters by unit in either role and by keyword', () => {
    expect(filterTasks(rows, { unit: '工信局' }).map((r) => r.no)).toEqual([1, 3])
    expect(filterTasks(rows, { keyword: '科技' }).map((r) => r.no)).toEqual([2])
    expect(filterTasks(rows, {}).length).toBe(3)
  })
  it('computes group row spans', () => {
    expect(groupSpans(rows)).toEqual([2, 0, 1])
    expect(groupSpans([])).toEqual([])
  })
  it('fills empty groups down', () => {
    expect(fillGroups([t(1, 'A', [], []), t(2, '', [], [])]).map((r) => r.group)).toEqual(['A', 'A'])
  })
})
