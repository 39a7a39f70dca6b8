// The park whose land is shown (the user's park, or the first top-level park) and its sub-parks.
import { computed } from 'vue'
import { useOrgStore } from '@/stores/org'
import { useAuthStore } from '@/stores/auth'

export function useLandPark() {
  const org = useOrgStore()
  const auth = useAuthStore()
  const park = computed(() => {
    const cur = org.currentPark
    if (!cur) return null
    // A sub-park user still sees the land of the whole park tree it can read.
    return cur.parent_id != null ? org.parks.find((p) => p.id === cur.parent_id) ?? cur : cur
  })
  const subParks = computed(() => org.parks.filter((p) => park.value && p.parent_id === park.value.id))
  const canWrite = computed(() => auth.role === 'sysadmin' || auth.role === 'park_admin')
  // Parcels and 标准地 contracts: park staff and the departments keeping the register (自然资源局 by default).
  const canKeepParcels = computed(() => auth.canKeep('parcels', park.value?.id))
  return { org, park, subParks, canWrite, canKeepParcels, load: () => org.loadParks() }
}
