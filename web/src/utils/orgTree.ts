import type { Park, Region } from '@/api/org'

export interface OrgNode {
  key: string
  label: string
  kind: 'region' | 'park' | 'subpark'
  id: number
  isDemo?: boolean
  children: OrgNode[]
}

/** regions (nested by parent_id) → top-level parks (by region_id) → sub-parks (by parent_id). */
export function buildOrgTree(regions: Region[], parks: Park[]): OrgNode[] {
  const regionNodes = new Map<number, OrgNode>()
  for (const r of regions) regionNodes.set(r.id, { key: `r${r.id}`, label: r.name, kind: 'region', id: r.id, children: [] })
  const parkNodes = new Map<number, OrgNode>()
  for (const p of parks) {
    parkNodes.set(p.id, { key: `p${p.id}`, label: p.name, kind: p.parent_id == null ? 'park' : 'subpark', id: p.id, isDemo: p.is_demo, children: [] })
  }
  const roots: OrgNode[] = []
  for (const r of regions) {
    const node = regionNodes.get(r.id)!
    const parent = r.parent_id != null ? regionNodes.get(r.parent_id) : undefined
    ;(parent ? parent.children : roots).push(node)
  }
  for (const p of parks) {
    const node = parkNodes.get(p.id)!
    const parentPark = p.parent_id != null ? parkNodes.get(p.parent_id) : undefined
    if (parentPark) {
      node.kind = 'subpark'
      parentPark.children.push(node)
      continue
    }
    const region = p.region_id != null ? regionNodes.get(p.region_id) : undefined
    ;(region ? region.children : roots).push(node)
  }
  return roots
}
