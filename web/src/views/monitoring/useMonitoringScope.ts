// The park / region picker shared by the monitoring pages: options from the parks the user sees
// and their regions; the default is the user's own park.
import { computed, ref } from 'vue'
import { orgApi, type Region } from '@/api/org'
import { useOrgStore } from '@/stores/org'

export interface ScopeOption {
  value: string // "park:1" | "region:3"
  label: string
  kind: 'park' | 'region'
  id: number
  depth: number
}

export function useMonitoringScope(withRegions = true) {
  const org = useOrgStore()
  const regions = ref<Region[]>([])
  const selected = ref('')

  async function load(): Promise<void> {
    await org.loadParks()
    if (withRegions) regions.value = (await orgApi.regions().catch(() => ({ items: [] as Region[] }))).items ?? []
    if (!selected.value && org.currentPark) selected.value = `park:${org.currentPark.id}`
  }

  const options = computed<ScopeOption[]>(() => {
    const out: ScopeOption[] = []
    const tops = org.parks.filter((p) => p.parent_id == null || !org.parks.some((q) => q.id === p.parent_id))
    for (const p of tops) {
      out.push({ value: `park:${p.id}`, label: p.name, kind: 'park', id: p.id, depth: 0 })
      for (const c of org.parks.filter((q) => q.parent_id === p.id)) out.push({ value: `park:${c.id}`, label: c.name, kind: 'park', id: c.id, depth: 1 })
    }
    const regionIds = new Set(tops.map((p) => p.region_id))
    for (const r of regions.value) {
      // A region is offered when it holds (directly or below) a park the user sees.
      let has = regionIds.has(r.id)
      if (!has) has = regions.value.some((x) => regionIds.has(x.id) && isBelow(x, r.id))
      if (has) out.push({ value: `region:${r.id}`, label: r.name, kind: 'region', id: r.id, depth: 0 })
    }
    return out
  })

  function isBelow(r: Region, ancestor: number): boolean {
    let cur: Region | undefined = r
    for (let i = 0; cur && i < 10; i++) {
      if (cur.parent_id === ancestor) return true
      cur = regions.value.find((x) => x.id === cur!.parent_id)
    }
    return false
  }

  const current = computed(() => options.value.find((o) => o.value === selected.value) ?? null)
  const parkOptions = computed(() => options.value.filter((o) => o.kind === 'park'))
  return { selected, options, parkOptions, current, load }
}
