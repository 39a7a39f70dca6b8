import { describe, expect, it } from 'vitest'
import { formatBeijing } from './time'
import { csvCell, toCsv } from './csv'
import { jsonDiff } from './jsonDiff'
import { passwordStrong, usernameValid } from './validators'
import { buildOrgTree } from './orgTree'

describe('formatBeijing', () => {
  it('shifts UTC by 8 hours across midnight', () => {
    expect(formatBeijing('2024-01-31T16:05:09Z')).toBe('2024-02-01 00:05:09')
    expect(formatBeijing('2023-09-06T01:00:00.123Z', false)).toBe('2023-09-06 09:00')
  })
  it('returns empty for missing or invalid input', () => {
    expect(formatBeijing(null)).toBe('')
    expect(formatBeijing('not a date')).toBe('')
  })
})

describe('csv', () => {
  it('quotes cells that need it and joins arrays', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell(['工信局', '发改局'])).toBe('工信局、发改局')
    expect(csvCell(null)).toBe('')
    expect(toCsv(['no', 'x'], [[1, 'y']])).toBe('\ufeffno,x\r\n1,y\r\n')
  })

  it('escapes text a spreadsheet would run as a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe(`"'\rx"`)
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell('华亭')).toBe('华亭')
    const lines = toCsv(['a'], [['=1+1'], ['-x'], [-3]]).slice(1).split('\r\n')
    for (const l of lines.slice(1)) if (l && l !== '-3') expect('=+-@').not.toContain(l[0])
  })
})

describe('jsonDiff', () => {
  it('lists changed, added and removed leaves', () => {
    const d = jsonDiff({ role: 'leader', disabled: false, a: { b: 1 } }, { role: 'department', disabled: false, c: 2, a: { b: 1 } })
    expect(d).toEqual([
      { path: 'c', kind: 'added', after: 2 },
      { path: 'role', kind: 'changed', before: 'leader', after: 'department' },
    ])
  })
  it('handles null before (create) and null after (delete)', () => {
    expect(jsonDiff(null, { name: 'x' })).toEqual([{ path: 'name', kind: 'added', after: 'x' }])
    expect(jsonDiff({ name: 'x' }, null)).toEqual([{ path: 'name', kind: 'removed', before: 'x' }])
    expect(jsonDiff(null, null)).toEqual([])
  })
})

describe('validators', () => {
  it('password: 10+ chars and 3 of 4 classes', () => {
    expect(passwordStrong('Admin@2023demo')).toBe(true)
    expect(passwordStrong('abcdefghij1A')).toBe(true)
    expect(passwordStrong('abcdefgh12')).toBe(false)
    expect(passwordStrong('Ab1!')).toBe(false)
    expect(passwordStrong('')).toBe(false)
  })
  it('username', () => {
    expect(usernameValid('zhang.san_01')).toBe(true)
    expect(usernameValid('ab')).toBe(false)
    expect(usernameValid('_x123')).toBe(false)
    expect(usernameValid('张三')).toBe(false)
  })
})

describe('buildOrgTree', () => {
  it('nests regions, parks and sub-parks', () => {
    const tree = buildOrgTree(
      [
        { id: 1, name: '甘肃省', parent_id: null },
        { id: 2, name: '华亭市', parent_id: 1 },
      ],
      [
        { id: 10, name: '华亭工业园区', region_id: 2, parent_id: null, is_demo: true },
        { id: 11, name: '东华园', region_id: 2, parent_id: 10, is_demo: true },
        { id: 20, name: '无区域园区', region_id: null, parent_id: null, is_demo: false },
      ],
    )
    expect(tree.map((n) => n.label)).toEqual(['甘肃省', '无区域园区'])
    const city = tree[0].children[0]
    expect(city.label).toBe('华亭市')
    expect(city.children[0].label).toBe('华亭工业园区')
    expect(city.children[0].children[0]).toMatchObject({ label: '东华园', kind: 'subpark' })
  })
})
