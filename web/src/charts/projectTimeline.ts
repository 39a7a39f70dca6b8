// The portfolio timeline (项目进度总览 / 甘特图): one row per project, two lanes per row — 计划 (thin,
// light) and 实际 (solid) — with a bar per stage from the day the stage was (to be) reached to the
// day the next one was (to be) reached. The current stage runs to today and is outlined; once the
// planned date of a stage not yet reached has passed, the actual lane turns red from that date to
// today (逾期). 投产 is the end of the pipeline: a diamond, not a bar. Pure: data in, option out.
import type { Project, Stage } from '@/api/projects'
import { STAGES } from '@/api/projects'
import { escapeHtml } from '@/utils/html'

/** The five stages that carry a plan (储备 has none). */
export const PLANNED_STAGES: Stage[] = ['signed', 'landed', 'started', 'completed', 'production']
export const STAGE_COLORS: Record<Stage, string> = {
  reserve: '#b1b3b8', signed: '#409eff', landed: '#2fa6a0', started: '#67c23a', completed: '#7a6ff0', production: '#1f5fbf',
}
export const OVERDUE_COLOR = '#f56c6c'
export const SUSPENDED_COLOR = '#c8c9cc'
export const TODAY_COLOR = '#e6a23c'
const DAY = 86400000

export type TimelineProject = Pick<Project, 'id' | 'name' | 'stage' | 'planned' | 'actual' | 'suspended_on' | 'terminated_on'>

export interface GanttBar {
  stage: Stage
  lane: 'planned' | 'actual'
  start: string
  end: string
  /** the stage the project is in now (actual lane only) */
  current: boolean
  /** a red span: from the planned date of an unreached stage to today */
  overdue: boolean
}

export interface GanttMilestone {
  stage: Stage
  lane: 'planned' | 'actual'
  date: string
}

export interface StageStatus {
  stage: Stage
  planned: string | null
  actual: string | null
  /** planned date passed (before today) and the stage not reached; never for a terminated project */
  overdue: boolean
  /** days past the plan: today − planned when overdue, actual − planned when reached late, else 0 */
  lateDays: number
}

export interface GanttRow {
  id: number
  name: string
  stage: Stage
  suspended: boolean
  terminated: boolean
  bars: GanttBar[]
  milestones: GanttMilestone[]
  stages: StageStatus[]
  overdueCount: number
  /** earliest and latest date drawn in the row (null when the row has no date at all) */
  first: string | null
  last: string | null
}

/** Whole days from b to a (ISO dates, UTC, so no daylight-saving drift). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(a + 'T00:00:00Z') - Date.parse(b + 'T00:00:00Z')) / DAY)
}

const maxDate = (a: string, b: string) => (a > b ? a : b)

/** The bars, milestones and per-stage status of one project as of `today` (YYYY-MM-DD). */
export function ganttRow(p: TimelineProject, today: string): GanttRow {
  const terminated = !!p.terminated_on
  const suspended = !!p.suspended_on && !terminated
  const cur = STAGES.indexOf(p.stage)
  const stopAt = terminated ? (p.terminated_on as string) : today
  const bars: GanttBar[] = []
  const milestones: GanttMilestone[] = []

  // Planned lane: from each planned date to the next planned one; 投产 (or a last plan) is a diamond.
  const plannedList = PLANNED_STAGES.filter((s) => p.planned[s]).map((s) => ({ stage: s, date: p.planned[s] as string }))
  plannedList.forEach((x, i) => {
    const next = plannedList[i + 1]
    if (x.stage === 'production' || !next) milestones.push({ stage: x.stage, lane: 'planned', date: x.date })
    else bars.push({ stage: x.stage, lane: 'planned', start: x.date, end: maxDate(x.date, next.date), current: false, overdue: false })
  })

  // Actual lane: stages reached up to the current one, each until the next reached one (or today).
  const reached = STAGES.filter((s, i) => i <= cur && p.actual[s]).map((s) => ({ stage: s, date: p.actual[s] as string }))
  reached.forEach((x, i) => {
    const next = reached[i + 1]
    if (x.stage === 'production') {
      milestones.push({ stage: x.stage, lane: 'actual', date: x.date })
      return
    }
    const current = !next && x.stage === p.stage
    const end = next ? next.date : current ? stopAt : x.date
    bars.push({ stage: x.stage, lane: 'actual', start: x.date, end: maxDate(x.date, end), current, overdue: false })
  })

  // Status per planned stage; a stage counts as reached when it has an actual date or the project is
  // at or past it (an imported project may lack the dates of stages it skipped).
  const stages: StageStatus[] = PLANNED_STAGES.map((stage) => {
    const planned = p.planned[stage] ?? null
    const actual = p.actual[stage] ?? null
    const isReached = !!actual || STAGES.indexOf(stage) <= cur
    let overdue = false
    let lateDays = 0
    if (planned && actual) lateDays = Math.max(0, daysBetween(actual, planned))
    else if (planned && !isReached && !terminated && planned < today) {
      overdue = true
      lateDays = daysBetween(today, planned)
    }
    return { stage, planned, actual, overdue, lateDays }
  })
  // One red span per overdue stage, from its planned date to today (drawn over the current bar).
  for (const s of stages) if (s.overdue) bars.push({ stage: s.stage, lane: 'actual', start: s.planned as string, end: today, current: false, overdue: true })

  const dates = [...bars.flatMap((b) => [b.start, b.end]), ...milestones.map((m) => m.date)].sort()
  return {
    id: p.id, name: p.name, stage: p.stage, suspended, terminated, bars, milestones, stages,
    overdueCount: stages.filter((s) => s.overdue).length,
    first: dates[0] ?? null, last: dates[dates.length - 1] ?? null,
  }
}

/** Local-midnight timestamp of an ISO date (what the time axis shows as that day). */
export function ts(d: string): number {
  const [y, m, day] = d.split('-').map(Number)
  return new Date(y, m - 1, day).getTime()
}

/** The time axis range: every drawn date and today, padded (15 days before, 30 after), from the 1st of
 *  a month; half a year either side of today when nothing is drawn. */
export function timeExtent(rows: GanttRow[], today: string): [number, number] {
  const firsts = rows.map((r) => r.first).filter((d): d is string => !!d)
  const lasts = rows.map((r) => r.last).filter((d): d is string => !!d)
  if (!firsts.length) return [ts(today) - 183 * DAY, ts(today) + 183 * DAY]
  const lo = [...firsts, today].sort()[0]
  const hi = [...lasts, today].sort().pop() as string
  const start = new Date(ts(lo) - 15 * DAY)
  return [new Date(start.getFullYear(), start.getMonth(), 1).getTime(), ts(hi) + 30 * DAY]
}

export interface TimelineLabels {
  stage: (s: Stage) => string
  planned: string
  actual: string
  current: string
  today: string
  overdue: (days: number) => string
  late: (days: number) => string
  suspended: string
  terminated: string
}

const esc = escapeHtml

/** The tooltip of one row: current stage, then per stage planned / actual / days late (overdue in red). */
export function rowTooltip(r: GanttRow, L: TimelineLabels): string {
  const flag = r.terminated ? `（${esc(L.terminated)}）` : r.suspended ? `（${esc(L.suspended)}）` : ''
  const lines = r.stages.map((s) => {
    const note = s.overdue
      ? `<span style="color:${OVERDUE_COLOR};font-weight:600">${esc(L.overdue(s.lateDays))}</span>`
      : s.lateDays > 0 ? `<span style="color:${TODAY_COLOR}">${esc(L.late(s.lateDays))}</span>` : ''
    const cur = s.stage === r.stage ? ';font-weight:600' : ''
    return `<tr><td style="padding-right:10px;color:${STAGE_COLORS[s.stage]}${cur}">■ ${esc(L.stage(s.stage))}</td>` +
      `<td style="padding-right:10px">${esc(L.planned)} ${esc(s.planned ?? '—')}</td><td style="padding-right:10px">${esc(L.actual)} ${esc(s.actual ?? '—')}</td><td>${note}</td></tr>`
  })
  return `<div style="font-weight:600;margin-bottom:4px">${esc(r.name)}</div>` +
    `<div style="margin-bottom:4px">${esc(L.current)}：${esc(L.stage(r.stage))}${flag}</div><table style="font-size:12px">${lines.join('')}</table>`
}

export interface TimelineOptions {
  labelWidth?: number
  /** phones: no name column; each row carries its name above its lanes, so the chart fits the width */
  compact?: boolean
  /** height of one project row in pixels (the view sizes the chart as rows × rowHeight + axis) */
  rowHeight?: number
}

export const AXIS_HEIGHT = 56

/** The ECharts option: a custom series with one data item per row (value [row, first, last]). */
export function timelineOption(rows: GanttRow[], today: string, L: TimelineLabels, o: TimelineOptions = {}) {
  const compact = !!o.compact
  const labelWidth = compact ? 0 : o.labelWidth ?? 190
  const [min, max] = timeExtent(rows, today)
  const names = new Map(rows.map((r) => [String(r.id), r.name]))
  return {
    animation: false,
    grid: { left: compact ? 4 : labelWidth + 16, right: compact ? 8 : 24, top: 40, bottom: 16 },
    tooltip: {
      trigger: 'item', confine: true, enterable: false, className: 'timeline-tip',
      formatter: (x: { dataIndex: number }) => (rows[x.dataIndex] ? rowTooltip(rows[x.dataIndex], L) : ''),
    },
    xAxis: {
      type: 'time', position: 'top', min, max,
      axisLabel: { color: '#606266', hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#ebeef5', type: 'dashed' } },
      axisLine: { lineStyle: { color: '#c0c4cc' } },
    },
    yAxis: {
      type: 'category', inverse: true, data: rows.map((r) => String(r.id)), triggerEvent: true,
      axisTick: { show: false }, axisLine: { lineStyle: { color: '#c0c4cc' } },
      axisLabel: {
        show: !compact, width: labelWidth, overflow: 'truncate', color: '#303133', fontSize: 12, cursor: 'pointer',
        formatter: (id: string) => names.get(id) ?? id,
      },
    },
    series: [
      {
        type: 'custom', name: 'timeline', clip: true,
        encode: { x: [1, 2], y: 0 },
        data: rows.map((r, i) => ({ value: [i, r.first ? ts(r.first) : min, r.last ? ts(r.last) : min], id: r.id })),
        renderItem: (params: { dataIndex: number; coordSys: { x: number; width: number } }, api: RenderApi) => renderRow(rows[params.dataIndex], params, api, compact),
        markLine: {
          silent: true, symbol: 'none', animation: false,
          lineStyle: { color: TODAY_COLOR, type: 'solid', width: 1.5 },
          label: { formatter: L.today, position: 'start', color: TODAY_COLOR, fontWeight: 'bold' },
          data: [{ xAxis: ts(today) }],
        },
      },
    ],
  }
}

interface RenderApi {
  coord: (v: [number, number]) => [number, number]
  size: (v: [number, number]) => [number, number]
}

/** The shapes of one row (exported for tests: colours and extents of what gets drawn). */
export function renderRow(r: GanttRow | undefined, params: { dataIndex: number; coordSys: { x: number; width: number } }, api: RenderApi, compact = false) {
  if (!r) return null
  const band = api.size([0, 1])[1]
  const mid = api.coord([0, params.dataIndex])[1]
  const children: object[] = [
    // the row band: zebra stripes, and a hit area so a click anywhere on the row opens the project
    { type: 'rect', shape: { x: params.coordSys.x, y: mid - band / 2, width: params.coordSys.width, height: band },
      style: { fill: params.dataIndex % 2 ? '#fafbfc' : 'rgba(255,255,255,0.01)' } },
  ]
  const lane = (l: 'planned' | 'actual') => (compact
    ? (l === 'planned' ? { y: mid - band * 0.02, h: band * 0.14 } : { y: mid + band * 0.14, h: band * 0.26 })
    : (l === 'planned' ? { y: mid - band * 0.34, h: band * 0.2 } : { y: mid - band * 0.08, h: band * 0.36 }))
  if (compact) {
    children.push({ type: 'text', style: {
      text: r.name, x: params.coordSys.x + 4, y: mid - band * 0.44, width: params.coordSys.width - 8, overflow: 'truncate',
      fill: r.overdueCount ? '#c45656' : '#303133', fontSize: 12, fontWeight: 600,
    } })
  }
  const ordered = [...r.bars].sort((a, b) => Number(a.overdue) - Number(b.overdue))
  for (const b of ordered) {
    const x0 = api.coord([ts(b.start), 0])[0]
    const x1 = api.coord([ts(b.end) + (b.start === b.end ? DAY : 0), 0])[0]
    const { y, h } = lane(b.lane)
    const color = b.overdue ? OVERDUE_COLOR : b.lane === 'actual' && (r.suspended || r.terminated) && b.current ? SUSPENDED_COLOR : STAGE_COLORS[b.stage]
    children.push({
      type: 'rect', shape: { x: x0, y, width: Math.max(2, x1 - x0), height: h, r: 2 },
      style: {
        fill: color, opacity: b.lane === 'planned' ? 0.45 : 1,
        stroke: b.current ? '#303133' : undefined, lineWidth: b.current ? 1.5 : 0,
      },
    })
  }
  for (const m of r.milestones) {
    const x = api.coord([ts(m.date), 0])[0]
    const { y, h } = lane(m.lane)
    const s = Math.min(h + 4, 12) / 2
    const cy = y + h / 2
    children.push({
      type: 'polygon', shape: { points: [[x, cy - s], [x + s, cy], [x, cy + s], [x - s, cy]] },
      style: { fill: m.lane === 'planned' ? '#fff' : STAGE_COLORS[m.stage], stroke: STAGE_COLORS[m.stage], lineWidth: 1.5 },
    })
  }
  return { type: 'group', children }
}
