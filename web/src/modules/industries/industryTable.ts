// Pure helpers of the industry classification screen: the tree of a flat list of codes. Unit-tested.
import type { Industry, IndustryLevel } from '@/api/industries'

export interface IndustryNode extends Industry {
  children?: IndustryNode[]
  /** For the lazy table: a code below which the server has more codes. */
  hasChildren?: boolean
}

export const LEVELS: IndustryLevel[] = ['section', 'division', 'group', 'class']

/** A lazily loaded node: every level but 小类 may have children. */
export function lazyNode(item: Industry): IndustryNode {
  return { ...item, hasChildren: item.level !== 'class' }
}

/** Nests a flat list (e.g. the matches of a search) under the parents that are in the list too;
 * codes whose parent is absent become roots. Children and roots are sorted by code (sections are
 * letters, so they sort before their digits). The input is not changed. */
export function buildTree(items: Industry[]): IndustryNode[] {
  const byCode = new Map<string, IndustryNode>()
  for (const it of items) if (!byCode.has(it.code)) byCode.set(it.code, { ...it })
  const roots: IndustryNode[] = []
  for (const node of byCode.values()) {
    const parent = node.parent ? byCode.get(node.parent) : undefined
    if (parent && parent !== node) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  const sort = (list: IndustryNode[]) => {
    list.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    for (const n of list) if (n.children) sort(n.children)
  }
  sort(roots)
  return roots
}

// Sections (A..T) first in letter order, then numeric codes in code order.
const sortKey = (n: Industry) => `${/^[A-Z]$/.test(n.code) ? '0' : '1'}${n.code}`

/** Number of nodes in a tree. */
export function countNodes(nodes: IndustryNode[]): number {
  return nodes.reduce((n, x) => n + 1 + countNodes(x.children ?? []), 0)
}
