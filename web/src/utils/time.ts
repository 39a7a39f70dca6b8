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

// The deployment's clock: "today" and the current month are the server's local date (its time zone,
// Asia/Shanghai by default), not the browser's. main.ts reads /api/v1/health once and calls
// setServerClock; until then the browser's clock in Beijing time stands in.
let zone = 'Asia/Shanghai'
let skewMs = 0

/** Adopts the server's time zone and clock (from /api/v1/health: time_zone, now). */
export function setServerClock(h: { time_zone?: string; now?: string }, clientNowMs = Date.now()): void {
  if (h.time_zone) {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: h.time_zone })
      zone = h.time_zone
    } catch {
      /* an unknown zone name: keep the default */
    }
  }
  const serverNow = h.now ? Date.parse(h.now) : NaN
  if (!Number.isNaN(serverNow)) skewMs = serverNow - clientNowMs
}

/** The deployment's time zone name. */
export function timeZone(): string {
  return zone
}

/** Milliseconds since the epoch by the server's clock. */
export function nowMs(): number {
  return Date.now() + skewMs
}

/** The local date in the deployment's zone at `ms`, "YYYY-MM-DD". */
export function localDateIso(ms: number = nowMs()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(ms))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** Today in the deployment's zone, "YYYY-MM-DD". */
export function todayIso(): string {
  return localDateIso()
}

/** The current month in the deployment's zone, "YYYY-MM". */
export function currentPeriod(): string {
  return todayIso().slice(0, 7)
}

/** The current year in the deployment's zone. */
export function currentYear(): number {
  return Number(todayIso().slice(0, 4))
}
