import { describe, expect, it } from 'vitest'
import type { Task } from '@/api/tasks'
import { countByGroup, tasksByGroupOption, unitWorkload, unitWorkloadOption } from './taskCharts'

const task = (no: number, group: string, lead: string[], resp: string[]): Task => ({ no, group, title: `t${no}`, lead_units: lead, responsible_units: resp, note: '' })
const tasks = [
  task(1, '科学谋划发展布局', ['工业园区'], ['工信局', '发改局']),
  task(2, '科学谋划发展布局', ['工业园区', '自然资源局'], ['工信局']),
  task(3, '强化科技创新支撑', ['工业园区'], ['科技局']),
]

describe('countByGroup', () => {
  it('counts in first-appearance order', () => {
    expect(countByGroup(tasks)).toEqual([
      { group: '科学谋划发展布局', count: 2 },
      { group: '强化科技创新支撑', count: 1 },
    ])
    expect(countByGroup([])).toEqual([])
  })
})

describe('unitWorkload', () => {
  it('counts lead and responsible roles, most loaded first', () => {
    const w = unitWorkload(tasks)
    expect(w[0]).toEqual({ unit: '工业园区', lead: 3, responsible: 0 })
    expect(w[1]).toEqual({ unit: '工信局', lead: 0, responsible: 2 })
    expect(w.find((x) => x.unit === '自然资源局')).toEqual({ unit: '自然资源局', lead: 1, responsible: 0 })
  })
  it('excludes units and counts a unit once per task', () => {
    const w = unitWorkload([task(9, 'g', ['A', 'A'], ['B'])], ['B'])
    expect(w).toEqual([{ unit: 'A', lead: 1, responsible: 0 }])
  })
})

describe('option builders', () => {
  it('builds a pie of tasks per group', () => {
    const o = tasksByGroupOption(tasks, '任务数')
    expect(o.series[0].type).toBe('pie')
    expect(o.series[0].name).toBe('任务数')
    expect(o.series[0].data).toEqual([
      { name: '科学谋划发展布局', value: 2 },
      { name: '强化科技创新支撑', value: 1 },
    ])
  })
  it('builds a stacked bar of unit workload, largest at the top', () => {
    const o = unitWorkloadOption(tasks, { lead: '牵头', responsible: '责任' }, 2, ['工业园区'])
    // 工信局 (2) first, then the ties (1 each) by Chinese collation: 发改局 before 科技局, 自然资源局;
    // ECharts draws the category axis bottom-up, so the list is reversed.
    expect(o.yAxis.data).toEqual(['发改局', '工信局'])
    expect(o.series.map((s) => s.name)).toEqual(['牵头', '责任'])
    expect(o.series.every((s) => s.stack === 'total')).toBe(true)
    expect(o.series[1].data[o.series[1].data.length - 1]).toBe(2)
  })
})
