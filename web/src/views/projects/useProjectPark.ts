// The park the project pages work on (shared across them in this session), defaulting to the
// user's own park.
import { computed, ref } from 'vue'
import { useOrgStore } from '@/stores/org'

const selected = ref<number | null>(null)

export function useProjectPark() {
  const org = useOrgStore()
  const parkId = computed<number | null>({
    get: () => selected.value ?? org.currentPark?.id ?? null,
    set: (v) => (selected.value = v),
  })
  const parks = computed(() => org.parks)
  return { parkId, parks, org, ready: () => org.loadParks() }
}

/** Today as YYYY-MM-DD in Beijing time. */
export { todayIso } from '@/utils/time'

export function money(v: number | null | undefined): string {
  if (v == null) return '—'
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}
