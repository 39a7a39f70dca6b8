/**
 * Text → HTML-safe text. Use it for every value that reaches HTML: ECharts tooltip formatters
 * that return HTML strings (ECharts sets them as innerHTML), Element Plus messages with
 * dangerouslyUseHTMLString, anything assigned to innerHTML. Template strings given to ECharts
 * ('{b}: {c}') are escaped by ECharts itself; canvas labels are not HTML.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
  const s = value == null ? '' : String(value)
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c])
}
