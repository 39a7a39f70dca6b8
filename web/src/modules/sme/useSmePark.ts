// The park whose SME buildings are shown (the user's park or its parent) and who manages them.
import { computed } from 'vue'
import { useOrgStore } from '@/stores/org'
import { useAuthStore } from '@/stores/auth'

export function useSmePark() {
  const org = useOrgStore()
  const auth = useAuthStore()
  const park = computed(() => {
    const cur = org.currentPark
    if (!cur) return null
    return cur.parent_id != null ? org.parks.find((p) => p.id === cur.parent_id) ?? cur : cur
  })
  /** May the caller manage a building run by `operatorUnitId` (park admins; the operating unit's staff)? */
  function canManage(operatorUnitId: number | null | undefined): boolean {
    if (auth.role === 'sysadmin' || auth.role === 'park_admin') return true
    return auth.role === 'department' && operatorUnitId != null && auth.user?.unit_id === operatorUnitId
  }
  /** Staff who may manage something (the server decides per building). */
  const isStaff = computed(() => auth.role === 'sysadmin' || auth.role === 'park_admin' || auth.role === 'department')
  const isTenant = computed(() => auth.role === 'enterprise')
  return { org, auth, park, canManage, isStaff, isTenant, load: () => org.loadParks() }
}
