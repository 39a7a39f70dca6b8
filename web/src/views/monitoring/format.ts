// Display helpers of the monitoring pages (pure).
export { formatPct, formatValue } from '@/charts/monitoringCharts'
import { currentPeriod } from '@/utils/time'

/** "2023-06" → { year: 2023, month: 6 }. */
export function splitPeriod(p: string): { year: number; month: number } {
  const [y, m] = p.split('-').map(Number)
  return { year: y, month: m }
}

/** The month before the deployment's current month (or before `today`'s month), "YYYY-MM". */
export function lastMonth(today?: Date): string {
  const [y, m] = (today ? [today.getFullYear(), today.getMonth() + 1] : currentPeriod().split('-').map(Number)) as number[]
  const d = new Date(y, m - 2, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

/** Tag type of a report state. */
export function stateTag(state: string): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  switch (state) {
    case 'approved':
      return 'success'
    case 'submitted':
      return 'primary'
    case 'returned':
      return 'danger'
    case 'draft':
      return 'warning'
    default:
      return 'info'
  }
}

/** Tag type of a progress status. */
export function statusTag(status: string): 'success' | 'warning' | 'info' | 'danger' {
  return status === 'green' ? 'success' : status === 'yellow' ? 'warning' : status === 'red' ? 'danger' : 'info'
}
