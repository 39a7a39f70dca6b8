import { describe, expect, it, afterEach } from 'vitest'
import { currentPeriod, localDateIso, setServerClock, todayIso } from './time'

describe('deployment clock', () => {
  afterEach(() => setServerClock({ time_zone: 'Asia/Shanghai', now: new Date().toISOString() }))

  it('counts 00:30 in Beijing as the next day, whatever the browser zone', () => {
    setServerClock({ time_zone: 'Asia/Shanghai' })
    expect(localDateIso(Date.parse('2026-12-07T16:30:00Z'))).toBe('2026-12-08')
    expect(localDateIso(Date.parse('2026-12-31T15:30:00Z'))).toBe('2026-12-31')
  })

  it('follows the server zone and clock from /health', () => {
    const client = Date.now()
    setServerClock({ time_zone: 'UTC', now: '2026-11-30T16:30:00Z' }, client)
    expect(todayIso()).toBe('2026-11-30')
    expect(currentPeriod()).toBe('2026-11')
    setServerClock({ time_zone: 'Asia/Shanghai', now: '2026-11-30T16:30:00Z' }, client)
    expect(currentPeriod()).toBe('2026-12')
  })

  it('ignores an unknown zone name', () => {
    setServerClock({ time_zone: 'Asia/Shanghai' })
    setServerClock({ time_zone: 'Mars/Olympus' })
    expect(localDateIso(Date.parse('2026-12-07T16:30:00Z'))).toBe('2026-12-08')
  })
})
