// The API speaks UTC ISO 8601; the UI shows Beijing time (UTC+8, no daylight saving).
const pad = (n: number) => String(n).padStart(2, '0')

/** "2024-01-31T16:05:09Z" → "2024-02-01 00:05:09"; empty or invalid input → "". */
export function formatBeijing(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const d = new Date(t + 8 * 3600 * 1000)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` + (withSeconds ? `:${pad(d.getUTCSeconds())}` : '')
  return `${date} ${time}`
}
