// Pure helpers and ECharts option builders of the project pipeline: rates bars, cohort funnel,
// the industry-chain tree, the stage timeline and the Kanban grouping. Plain data in, options out.
import type { ChainView, Project, Rate, Stage } from '@/api/projects'
import { STAGES } from '@/api/projects'

export const LIGHT_COLORS: Record<string, string> = { green: '#67c23a', yellow: '#e6a23c', red: '#f56c6c', none: '#c0c4cc' }

/** Projects grouped into the six Kanban columns, in pipeline order; terminated ones left out. */
export function groupByStage(projects: Project[]): Record<Stage, Project[]> {
  const out = Object.fromEntries(STAGES.map((s) => [s, [] as Project[]])) as Record<Stage, Project[]>
  for (const p of projects) if (!p.terminated_on) out[p.stage].push(p)
  return out
}

export interface TimelineRow {
  stage: Stage
  planned: string | null
  actual: string | null
  /** planned date passed (before `today`) and the stage not reached, or reached after the plan */
  overdue: boolean
  /** days late (actual or today minus planned), 0 when on time or no plan */
  lateDays: number
}

function days(a: string, b: string): number {
  return Math.round((Date.parse(a + 'T00:00:00Z') - Date.parse(b + 'T00:00:00Z')) / 86400000)
}

/** Planned vs actual per stage (储备 has no plan, so it starts from 签约). */
export function stageTimeline(p: Pick<Project, 'planned' | 'actual'>, today: string): TimelineRow[] {
  return STAGES.filter((s) => s !== 'reserve').map((stage) => {
    const planned = p.planned[stage] ?? null
    const actual = p.actual[stage] ?? null
    let lateDays = 0
    if (planned) lateDays = Math.max(0, days(actual ?? today, planned))
    return { stage, planned, actual, overdue: lateDays > 0, lateDays }
  })
}

/** Horizontal bars of the rates (value_pct; null rates shown as gaps). */
export function ratesOption(rates: Rate[], title = '') {
  return {
    title: title ? { text: title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    grid: { left: 110, right: 50, top: title ? 40 : 10, bottom: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rates.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        data: rates.map((r) => ({
          value: r.value_pct,
          itemStyle: { color: r.value_pct == null ? '#c0c4cc' : r.value_pct >= 80 ? '#67c23a' : r.value_pct >= 50 ? '#e6a23c' : '#f56c6c' },
        })),
        label: { show: true, position: 'right', formatter: (x: { value: number | null }) => (x.value == null ? '—' : `${x.value}%`) },
        barMaxWidth: 22,
      },
    ],
  }
}

/** Cohort conversion: one bar series per signing year over the five stages 签约..投产. */
export function cohortOption(cohorts: { year: number; reached: number[] }[], stageNames: string[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: stageNames },
    yAxis: { type: 'value', minInterval: 1 },
    series: cohorts.map((c) => ({ name: `${c.year}`, type: 'bar', data: c.reached, barMaxWidth: 26 })),
  }
}

export interface ChainTreeNode {
  name: string
  value?: number
  children?: ChainTreeNode[]
  itemStyle?: { color: string; borderColor?: string }
  label?: { color?: string; fontWeight?: string }
}

/** Colours of the three kinds of members on a link (also used by the view's legend). */
export const CHAIN_MEMBER_COLORS = { project: '#409eff', enterprise: '#9a60b4', investor: '#e6a23c' } as const

/** The chain map as a tree: park → chains → links → projects / enterprises / target investors.
 *  A gap link (补链) is red; its target investors are listed under it. Enterprises are a third
 *  colour, prefixed with labels.enterprise when given. */
export function chainTree(
  parkName: string,
  chains: ChainView[],
  labels: { gap: string; investor: string; enterprise?: string },
): ChainTreeNode {
  const ent = (name: string) => (labels.enterprise ? `${labels.enterprise}：${name}` : name)
  return {
    name: parkName,
    itemStyle: { color: '#409eff' },
    children: chains.map((c) => ({
      name: c.name,
      itemStyle: { color: '#5470c6' },
      children: c.links.map((l) => ({
        name: l.gap ? `${l.name}（${labels.gap}）` : l.name,
        itemStyle: { color: l.gap ? '#f56c6c' : '#67c23a', borderColor: l.gap ? '#f56c6c' : '#67c23a' },
        label: l.gap ? { color: '#f56c6c', fontWeight: 'bold' } : undefined,
        children: [
          ...l.projects.map((p) => ({ name: p.name, itemStyle: { color: CHAIN_MEMBER_COLORS.project } })),
          ...l.enterprises.map((e) => ({ name: ent(e.name), itemStyle: { color: CHAIN_MEMBER_COLORS.enterprise } })),
          ...l.investors.map((i) => ({ name: `${labels.investor}：${i.name}`, itemStyle: { color: CHAIN_MEMBER_COLORS.investor } })),
        ],
      })),
    })),
  }
}

export function chainTreeOption(root: ChainTreeNode) {
  return {
    tooltip: { trigger: 'item', triggerOn: 'mousemove' },
    series: [
      {
        type: 'tree',
        data: [root],
        top: 10,
        left: 110,
        bottom: 10,
        right: 260,
        symbolSize: 10,
        initialTreeDepth: 3,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12 },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        expandAndCollapse: true,
        animationDuration: 300,
      },
    ],
  }
}
