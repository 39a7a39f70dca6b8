import { describe, expect, it } from 'vitest'
import { reportTemplateCsv, reportTemplateHeader } from './reportImport'
import type { ReportField } from '@/api/enterprises'

const fields: ReportField[] = [
  { code: 'output', name: '工业总产值', unit: '万元', required: true, non_negative: true },
  { code: 'employees', name: '从业人员', unit: '人', required: false, non_negative: true },
  { code: 'note', name: '说明, 备注', unit: '', required: false, non_negative: false },
]

describe('report import template', () => {
  it('has uscc, period and the park fields by code, in order', () => {
    expect(reportTemplateHeader(fields)).toEqual(['uscc', 'period', 'output', 'employees', 'note'])
    expect(reportTemplateHeader([])).toEqual(['uscc', 'period'])
  })

  it('is CSV with a BOM, the header and an example row naming each field', () => {
    const csv = reportTemplateCsv(fields, { uscc: '统一社会信用代码', period: '2024-01' })
    expect(csv.startsWith('\ufeffuscc,period,output,employees,note\r\n')).toBe(true)
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('统一社会信用代码,2024-01,工业总产值（万元）,从业人员（人）,"说明, 备注"')
  })
})
