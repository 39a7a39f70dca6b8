import { describe, expect, it } from 'vitest'
import {
  daysBetween, ganttRow, OVERDUE_COLOR, renderRow, rowTooltip, STAGE_COLORS, SUSPENDED_COLOR, timeExtent, timelineOption, ts,
  type TimelineLabels, type TimelineProject,
} from './projectTimeline'

const TODAY = '2024-03-01'
const base: TimelineProject = { id: 7, name: '高铁配件（演示）', stage: 'landed', planned: {}, actual: {}, suspended_on: null, terminated_on: null }
const proj = (x: Partial<TimelineProject>): TimelineProject => ({ ...base, ...x })
const L: TimelineLabels = {
  stage: (s) => ({ reserve: '储备', signed: '签约', landed: '落地', started: '开工', completed: '竣工', production: '投产' })[s],
  planned: '计划', actual: '实际', current: '当前阶段', today: '今日', suspended: '停缓建', terminated: '已终止',
  overdue: (n) => `逾期 ${n} 天`, late: (n) => `晚 ${n} 天`,
}

describe('ganttRow', () => {
  const p = proj({
    stage: 'landed',
    planned: { signed: '2023-01-20', landed: '2023-04-30', started: '2023-06-30', completed: '2024-06-30', production: '2024-09-30' },
    actual: { reserve: '2022-10-01', signed: '2023-01-18', landed: '2023-05-20' },
  })
  const r = ganttRow(p, TODAY)

  it('marks stages whose planned date passed unreached as overdue, with days to today', () => {
    expect(r.stages.map((s) => [s.stage, s.overdue, s.lateDays])).toEqual([
      ['signed', false, 0], // reached 2 days early
      ['landed', false, 20], // reached late: late, but not overdue
      ['started', true, daysBetween(TODAY, '2023-06-30')],
      ['completed', false, 0], // planned 2024-06-30 is still ahead
      ['production', false, 0],
    ])
    expect(r.overdueCount).toBe(1)
    expect(daysBetween(TODAY, '2023-06-30')).toBe(245)
  })

  it('draws actual bars from each reached stage to the next, the current one to today', () => {
    const actual = r.bars.filter((b) => b.lane === 'actual' && !b.overdue)
    expect(actual.map((b) => [b.stage, b.start, b.end, b.current])).toEqual([
      ['reserve', '2022-10-01', '2023-01-18', false],
      ['signed', '2023-01-18', '2023-05-20', false],
      ['landed', '2023-05-20', TODAY, true],
    ])
  })

  it('draws one red span per overdue stage from its planned date to today', () => {
    expect(r.bars.filter((b) => b.overdue).map((b) => [b.stage, b.start, b.end])).toEqual([['started', '2023-06-30', TODAY]])
  })

  it('draws planned bars between planned dates and 投产 as a diamond', () => {
    expect(r.bars.filter((b) => b.lane === 'planned').map((b) => [b.stage, b.start, b.end])).toEqual([
      ['signed', '2023-01-20', '2023-04-30'], ['landed', '2023-04-30', '2023-06-30'],
      ['started', '2023-06-30', '2024-06-30'], ['completed', '2024-06-30', '2024-09-30'],
    ])
    expect(r.milestones).toEqual([{ stage: 'production', lane: 'planned', date: '2024-09-30' }])
    expect([r.first, r.last]).toEqual(['2022-10-01', '2024-09-30'])
  })

  it('is not overdue on the planned day itself, only after it', () => {
    const q = proj({ stage: 'signed', planned: { landed: TODAY }, actual: { signed: '2024-01-01' } })
    expect(ganttRow(q, TODAY).overdueCount).toBe(0)
    expect(ganttRow(q, '2024-03-02').stages[1]).toMatchObject({ overdue: true, lateDays: 1 })
  })

  it('never marks a terminated project overdue and stops its bar on the termination day', () => {
    const q = proj({ stage: 'signed', planned: { landed: '2023-06-01' }, actual: { signed: '2023-01-01' }, terminated_on: '2023-09-01' })
    const t = ganttRow(q, TODAY)
    expect(t.overdueCount).toBe(0)
    expect(t.bars.find((b) => b.current)?.end).toBe('2023-09-01')
  })

  it('counts a stage as reached when the project is past it even without its date', () => {
    const q = proj({ stage: 'started', planned: { landed: '2023-01-01', started: '2023-02-01' }, actual: { started: '2023-03-01' } })
    const t = ganttRow(q, TODAY)
    expect(t.stages.find((s) => s.stage === 'landed')?.overdue).toBe(false)
    expect(t.stages.find((s) => s.stage === 'started')?.lateDays).toBe(28)
  })

  it('handles a project without any date (no bars, no extent) and a single planned date (a diamond)', () => {
    const empty = ganttRow(proj({ stage: 'reserve' }), TODAY)
    expect([empty.bars, empty.milestones, empty.first, empty.last, empty.overdueCount]).toEqual([[], [], null, null, 0])
    const one = ganttRow(proj({ stage: 'reserve', planned: { started: '2025-01-01' } }), TODAY)
    expect(one.bars).toEqual([])
    expect(one.milestones).toEqual([{ stage: 'started', lane: 'planned', date: '2025-01-01' }])
  })

  it('ends a reached 投产 with a diamond, and clamps dates out of order to zero length', () => {
    const q = proj({ stage: 'production', actual: { completed: '2023-05-01', production: '2023-04-01' } })
    const t = ganttRow(q, TODAY)
    expect(t.bars).toEqual([{ stage: 'completed', lane: 'actual', start: '2023-05-01', end: '2023-05-01', current: false, overdue: false }])
    expect(t.milestones).toEqual([{ stage: 'production', lane: 'actual', date: '2023-04-01' }])
  })
})

describe('timeExtent', () => {
  it('spans every date and today, from the 1st of the month 15 days before to 30 days after', () => {
    const r = ganttRow(proj({ stage: 'signed', planned: { landed: '2024-12-31' }, actual: { signed: '2023-02-10' } }), TODAY)
    const [lo, hi] = timeExtent([r], TODAY)
    expect(new Date(lo)).toEqual(new Date(2023, 0, 1))
    expect(hi).toBe(ts('2024-12-31') + 30 * 86400000)
  })
  it('includes today when every date is in the past', () => {
    const r = ganttRow(proj({ stage: 'production', actual: { production: '2022-05-01' } }), TODAY)
    expect(timeExtent([r], TODAY)[1]).toBe(ts(TODAY) + 30 * 86400000)
  })
  it('is half a year around today without rows or dates', () => {
    const [lo, hi] = timeExtent([ganttRow(proj({ stage: 'reserve' }), TODAY)], TODAY)
    expect(hi - lo).toBe(366 * 86400000)
    expect(timeExtent([], TODAY)).toEqual([lo, hi])
  })
})

describe('timelineOption and renderRow', () => {
  const r = ganttRow(proj({ stage: 'signed', planned: { landed: '2023-06-01' }, actual: { signed: '2023-01-01' } }), TODAY)
  const opt = timelineOption([r], TODAY, L)

  it('has one row per project keyed by id, names as labels and a today line', () => {
    expect(opt.yAxis.data).toEqual(['7'])
    expect(opt.yAxis.axisLabel.formatter('7')).toBe('高铁配件（演示）')
    expect(opt.series[0].markLine.data).toEqual([{ xAxis: ts(TODAY) }])
    expect(opt.series[0].data[0]).toEqual({ value: [0, ts('2023-01-01'), ts(TODAY)], id: 7 })
  })

  // a fake coordinate system: 1 px per day from 2023-01-01, rows 40 px high
  const api = { coord: ([x, y]: [number, number]) => [(x - ts('2023-01-01')) / 86400000, y * 40 + 20] as [number, number], size: () => [0, 40] as [number, number] }
  const params = { dataIndex: 0, coordSys: { x: 0, width: 500 } }

  it('paints the overdue span red over the current bar, the current bar outlined', () => {
    const g = renderRow(r, params, api) as { children: { type: string; shape: { x: number; width: number }; style: { fill: string; lineWidth?: number } }[] }
    const rects = g.children.filter((c) => c.type === 'rect').slice(1)
    expect(rects.map((c) => c.style.fill)).toEqual([STAGE_COLORS.signed, OVERDUE_COLOR])
    expect(rects[0].style.lineWidth).toBe(1.5)
    expect(rects[1].shape.x).toBe(daysBetween('2023-06-01', '2023-01-01'))
    expect(rects[1].shape.width).toBe(daysBetween(TODAY, '2023-06-01'))
  })

  it('greys the current bar of a suspended project but keeps it overdue', () => {
    const s = ganttRow(proj({ stage: 'signed', planned: { landed: '2023-06-01' }, actual: { signed: '2023-01-01' }, suspended_on: '2023-08-01' }), TODAY)
    const g = renderRow(s, params, api) as { children: { type: string; style: { fill: string } }[] }
    expect(g.children.slice(1).map((c) => [c.type, c.style.fill])).toEqual([['rect', SUSPENDED_COLOR], ['rect', OVERDUE_COLOR], ['polygon', '#fff']])
  })

  it('in compact mode hides the name column and writes each name inside its row, above the lanes', () => {
    const c = timelineOption([r], TODAY, L, { compact: true })
    expect(c.yAxis.axisLabel.show).toBe(false)
    expect(c.grid.left).toBe(4)
    const g = renderRow(r, params, api, true) as { children: { type: string; style: { text?: string; y?: number } }[] }
    const text = g.children.find((x) => x.type === 'text')
    expect(text?.style.text).toBe('高铁配件（演示）')
    const bars = g.children.filter((x) => x.type === 'rect').slice(1) as unknown as { shape: { y: number } }[]
    expect(bars.every((b) => b.shape.y > (text?.style.y as number))).toBe(true)
    expect((renderRow(r, params, api) as { children: { type: string }[] }).children.some((x) => x.type === 'text')).toBe(false)
  })

  it('lists every stage in the tooltip with the overdue days in red and escapes the name', () => {
    const tip = rowTooltip({ ...r, name: 'A<b>' }, L)
    expect(tip).toContain('A&lt;b&gt;')
    expect(tip).toContain(`color:${OVERDUE_COLOR};font-weight:600">逾期 ${daysBetween(TODAY, '2023-06-01')} 天`)
    expect(tip).toContain('计划 2023-06-01')
    expect((tip.match(/<tr>/g) ?? []).length).toBe(5)
  })
})
