import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { orgApi, type Park } from '@/api/org'
import { useAuthStore } from './auth'

/** Parks the user can see, loaded once per session; the header and forms share it. */
export const useOrgStore = defineStore('org', () => {
  const parks = ref<Park[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  function loadParks(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve()
    if (pending) return pending
    pending = orgApi
      .parks()
      .then((r) => {
        parks.value = r.items ?? []
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  /** The user's own park, or for users over several parks the first top-level one. */
  const currentPark = computed<Park | null>(() => {
    const auth = useAuthStore()
    const pid = auth.user?.park_id
    if (pid != null) return parks.value.find((p) => p.id === pid) ?? null
    return parks.value.find((p) => p.parent_id == null) ?? parks.value[0] ?? null
  })

  function parkName(id: number | null | undefined): string {
    if (id == null) return ''
    return parks.value.find((p) => p.id === id)?.name ?? `#${id}`
  }

  function reset(): void {
    parks.value = []
    loaded.value = false
  }

  return { parks, loaded, loadParks, currentPark, parkName, reset }
})
