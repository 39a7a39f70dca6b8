// Test helper: the HTML an ECharts option's tooltips would put into the page for given data items.
// Function formatters are called as ECharts calls them; string templates ('{b}: {c}') go through
// ECharts' own formatTpl with encoding on, which is what its tooltip view does. Options without a
// formatter use ECharts' default tooltip, which escapes names itself.
// @ts-ignore -- ECharts' internal module has no declaration file at this path
import { formatTpl } from 'echarts/lib/util/format.js'

export const EVIL = '<img src=x onerror=alert(1)>'

export interface TooltipParams {
  name?: string
  seriesName?: string
  dataIndex?: number
  value?: unknown
  data?: unknown
  percent?: number
}

type Formatter = string | ((p: unknown) => string)
interface WithTooltip {
  tooltip?: { trigger?: string; formatter?: Formatter }
  series?: { tooltip?: { formatter?: Formatter } }[]
}

/** Every tooltip HTML string the option produces for each of the given items. */
export function tooltipHtml(option: unknown, items: TooltipParams[]): string[] {
  const o = option as WithTooltip
  const formatters: Formatter[] = []
  if (o.tooltip?.formatter) formatters.push(o.tooltip.formatter)
  for (const s of o.series ?? []) if (s.tooltip?.formatter) formatters.push(s.tooltip.formatter)
  const axis = o.tooltip?.trigger === 'axis'
  const out: string[] = []
  for (const f of formatters)
    for (const item of items) {
      // $vars: what {a} {b} {c} {d} stand for, as ECharts' series set them.
      const p = { componentType: 'series', seriesType: 'bar', seriesIndex: 0, marker: '', color: '#000', percent: 50, value: 1, $vars: ['seriesName', 'name', 'value', 'percent'], ...item }
      out.push(typeof f === 'function' ? f(axis ? [p] : p) : formatTpl(f, axis ? [p] : p, true))
    }
  return out
}

/** True when no raw tag from EVIL is left (escaped text is fine). */
export function isEscaped(html: string): boolean {
  return !html.includes('<img') && !html.includes('onerror=alert(1)>')
}
