import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notificationsApi } from '@/api/briefings'

/** The caller's unread count for the header bell; refreshed on demand and every minute. */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null

  async function refresh(): Promise<void> {
    try {
      unread.value = (await notificationsApi.list({ page_size: 1 })).unread
    } catch {
      // the bell is best-effort; pages show their own errors
    }
  }

  function start(): void {
    refresh()
    if (!timer) timer = setInterval(refresh, 60_000)
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
    unread.value = 0
  }

  return { unread, refresh, start, stop }
})
