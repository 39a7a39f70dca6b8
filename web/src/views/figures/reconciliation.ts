// Small pure helpers of the reconciliation page.
const SOURCES = ['direct', 'enterprise_reports', 'projects', 'registry', 'evaluation', 'parcels']

/** The i18n key of a source name. */
export function sourceKey(source: string): string {
  return SOURCES.includes(source) ? `figures.reconciliation.sourceNames.${source}` : 'figures.reconciliation.sourceNames.other'
}

export function formatNumber(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}
