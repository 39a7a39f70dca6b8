import { describe, expect, it } from 'vitest'
import { importErrorRows } from './importErrors'

describe('importErrorRows', () => {
  it('maps rows[N].column details to row, column and message in row order', () => {
    const rows = importErrorRows([
      { field: 'rows[12].parent', message: '上级代码“99”不存在或层级不符' },
      { field: 'rows[3].code', message: '大类代码应为2位数字，实际为“2”' },
      { field: 'rows[3].name', message: '名称不能为空' },
      { field: 'rows', message: '行业代码 2523 仍被 2 家企业使用' },
    ])
    expect(rows).toEqual([
      { row: null, column: 'rows', message: '行业代码 2523 仍被 2 家企业使用' },
      { row: 3, column: 'code', message: '大类代码应为2位数字，实际为“2”' },
      { row: 3, column: 'name', message: '名称不能为空' },
      { row: 12, column: 'parent', message: '上级代码“99”不存在或层级不符' },
    ])
  })

  it('puts a header problem on row 1 and an unnamed detail on the file', () => {
    expect(importErrorRows([{ field: 'header', message: '表头应包含 code' }])).toEqual([{ row: 1, column: 'header', message: '表头应包含 code' }])
    expect(importErrorRows([{ field: '', message: '请上传文件' }])).toEqual([{ row: null, column: 'file', message: '请上传文件' }])
  })

  it('reads a row without a column', () => {
    expect(importErrorRows([{ field: 'rows[7]', message: '该企业不属于本园区' }])).toEqual([{ row: 7, column: '', message: '该企业不属于本园区' }])
  })
})
