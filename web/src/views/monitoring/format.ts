// Display helpers of the monitoring pages (pure).
export { formatPct, formatValue } from '@/charts/monitoringCharts'

/** "2023-06" → { year: 2023, month: 6 }. */
export function splitPeriod(p: string): { year: number; month: number } {
  const [y, m] = p.split('-').map(Number)
  return { year: y, month: m }
}

/** The previous month of today, "YYYY-MM". */
export function lastMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1)
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
