import { describe, expect, it } from 'vitest'
import { buildTree, countNodes, lazyNode } from './industryTable'
import type { Industry } from '@/api/industries'

const ind = (code: string, level: Industry['level'], parent: string, name = code): Industry => ({
  code, level, name, parent, leading_group: 'other', leading_group_name: '其他',
})

describe('buildTree', () => {
  it('nests codes under the parents present and sorts them', () => {
    const tree = buildTree([
      ind('2521', 'class', '252'),
      ind('25', 'division', 'C'),
      ind('252', 'group', '25'),
      ind('2511', 'class', '251'),
      ind('C', 'section', ''),
      ind('B', 'section', ''),
      ind('2522', 'class', '252'),
    ])
    expect(tree.map((n) => n.code)).toEqual(['B', 'C', '2511'])
    const c = tree[1]
    expect(c.children?.map((n) => n.code)).toEqual(['25'])
    expect(c.children?.[0].children?.map((n) => n.code)).toEqual(['252'])
    expect(c.children?.[0].children?.[0].children?.map((n) => n.code)).toEqual(['2521', '2522'])
    expect(tree[0].children).toBeUndefined()
    expect(countNodes(tree)).toBe(7)
  })

  it('keeps a code whose parent is missing as a root and ignores repeats', () => {
    const tree = buildTree([ind('0610', 'class', '061'), ind('0610', 'class', '061'), ind('06', 'division', 'B')])
    expect(tree.map((n) => n.code)).toEqual(['06', '0610'])
    expect(countNodes(tree)).toBe(2)
  })

  it('does not change its input', () => {
    const items = [ind('C', 'section', ''), ind('13', 'division', 'C')]
    buildTree(items)
    expect(items[0]).not.toHaveProperty('children')
  })
})

describe('lazyNode', () => {
  it('marks every level but class as expandable', () => {
    expect(lazyNode(ind('C', 'section', '')).hasChildren).toBe(true)
    expect(lazyNode(ind('252', 'group', '25')).hasChildren).toBe(true)
    expect(lazyNode(ind('2521', 'class', '252')).hasChildren).toBe(false)
  })
})
