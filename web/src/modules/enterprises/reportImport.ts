// The monthly-report import template: the columns the server reads (uscc, period, one column per
// report field of the park, by code), with an example row that names what goes where. Pure; tested.
import type { ReportField } from '@/api/enterprises'
import { toCsv } from '@/utils/csv'

export const REPORT_IMPORT_KEYS = ['uscc', 'period'] as const

/** The template's header: uscc, period, then the park's field codes in the park's order. */
export function reportTemplateHeader(fields: ReportField[]): string[] {
  return [...REPORT_IMPORT_KEYS, ...fields.map((f) => f.code)]
}

/** The template as CSV text (BOM for Excel): the header and one example row whose cells say
 * "name (unit)" for each field, so a person filling it in knows what each code means. The example
 * row is to be replaced: as it stands the server refuses it (no such enterprise). */
export function reportTemplateCsv(fields: ReportField[], example: { uscc: string; period: string }): string {
  const row = [example.uscc, example.period, ...fields.map((f) => (f.unit ? `${f.name}（${f.unit}）` : f.name))]
  return toCsv(reportTemplateHeader(fields), [row])
}
