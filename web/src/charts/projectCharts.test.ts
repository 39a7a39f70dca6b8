import { describe, expect, it } from 'vitest'
import type { ChainView, Project, Rate } from '@/api/projects'
import { CHAIN_MEMBER_COLORS, chainTree, groupByStage, ratesOption, stageTimeline } from './projectCharts'

const proj = (id: number, stage: Project['stage'], terminated: string | null = null) =>
  ({ id, stage, terminated_on: terminated, planned: {}, actual: {} }) as unknown as Project

describe('groupByStage', () => {
  it('puts projects in their column and leaves terminated ones out', () => {
    const g = groupByStage([proj(1, 'signed'), proj(2, 'started'), proj(3, 'signed', '2023-06-01')])
    expect(g.signed.map((p) => p.id)).toEqual([1])
    expect(g.started.map((p) => p.id)).toEqual([2])
    expect(Object.keys(g)).toEqual(['reserve', 'signed', 'landed', 'started', 'completed', 'production'])
  })
})

describe('stageTimeline', () => {
  it('marks late and missed stages overdue with the days late', () => {
    const rows = stageTimeline(
      { planned: { signed: '2023-01-10', landed: '2023-02-28', started: '2023-04-15', completed: '2023-10-31' },
        actual: { signed: '2023-01-10', landed: '2023-03-05' } },
      '2023-05-01',
    )
    expect(rows.map((r) => r.stage)).toEqual(['signed', 'landed', 'started', 'completed', 'production'])
    expect(rows[0]).toMatchObject({ overdue: false, lateDays: 0 })
    expect(rows[1]).toMatchObject({ overdue: true, lateDays: 5 })
    expect(rows[2]).toMatchObject({ overdue: true, lateDays: 16 })
    expect(rows[3]).toMatchObject({ overdue: false })
    expect(rows[4]).toMatchObject({ planned: null, overdue: false })
  })
})

describe('ratesOption', () => {
  it('keeps null rates as gaps and colours by level', () => {
    const rates = [
      { code: 'start', name: '开工率', value_pct: 50 },
      { code: 'production', name: '投产率', value_pct: null },
    ] as Rate[]
    const o = ratesOption(rates)
    expect(o.yAxis.data).toEqual(['开工率', '投产率'])
    expect(o.series[0].data[0]).toMatchObject({ value: 50, itemStyle: { color: '#e6a23c' } })
    expect(o.series[0].data[1].value).toBeNull()
  })
})

describe('chainTree enterprises', () => {
  it('shows enterprises in their own colour with a prefix', () => {
    const chains: ChainView[] = [
      { id: 1, name: '电力', links: [
        { id: 3, name: '火电', position: 'up', gap: false, projects: [{ id: 5, name: '技改', status: 'started' }], investors: [{ id: 9, name: '某集团', status: 'lead' }],
          enterprises: [{ id: 7, name: '华亭电厂（演示）', status: 'operating' }] },
      ] },
    ]
    const link = chainTree('园区', chains, { gap: '补链', investor: '目标客商', enterprise: '企业' }).children![0].children![0]
    const kids = link.children!
    expect(kids.map((k) => k.name)).toEqual(['技改', '企业：华亭电厂（演示）', '目标客商：某集团'])
    expect(new Set(kids.map((k) => k.itemStyle!.color)).size).toBe(3)
    expect(kids[1].itemStyle!.color).toBe(CHAIN_MEMBER_COLORS.enterprise)
  })
})

describe('chainTree', () => {
  it('marks gap links red and lists target investors under them', () => {
    const chains: ChainView[] = [
      { id: 1, name: '煤制甲醇—烯烃—化工新材料', links: [
        { id: 1, name: '煤制甲醇', position: 'up', gap: false, projects: [{ id: 5, name: '技改', status: 'started' }], investors: [], enterprises: [] },
        { id: 2, name: '化工新材料', position: 'down', gap: true, projects: [], investors: [{ id: 9, name: '某集团', status: 'lead' }], enterprises: [] },
      ] },
    ]
    const root = chainTree('华亭工业园区', chains, { gap: '补链', investor: '目标客商' })
    const links = root.children![0].children!
    expect(links[0].itemStyle!.color).toBe('#67c23a')
    expect(links[1].name).toBe('化工新材料（补链）')
    expect(links[1].itemStyle!.color).toBe('#f56c6c')
    expect(links[1].children![0].name).toBe('目标客商：某集团')
  })
})
