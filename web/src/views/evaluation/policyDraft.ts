// The editable copy of a park's 差别化政策 configuration: items keep their position in the flat list
// (the server names errors by it: "items[3].measure") while the screen groups them by class.
import type { PolicyConfig, PolicyConfigItem } from '@/api/evaluation'

export const POLICY_CLASSES = ['A', 'B', 'C', 'D'] as const
export type PolicyClass = (typeof POLICY_CLASSES)[number]
export const MAX_POLICY_ITEMS = 100
export const MAX_SURCHARGE_YEARS = 10

export interface DraftItem extends PolicyConfigItem { key: number }
export interface PolicyDraft { items: DraftItem[]; rates: (number | null)[] }

let nextKey = 1

export function toDraft(c: PolicyConfig): PolicyDraft {
  return {
    items: c.items.map((i) => ({ key: nextKey++, class: i.class, resource: i.resource, measure: i.measure, rate: i.rate ?? null, unit: i.unit ?? '' })),
    rates: [...c.surcharge.yuan_per_kwh],
  }
}

/** The request body: trimmed text, empty rates as null. */
export function toBody(d: PolicyDraft): PolicyConfig {
  return {
    items: d.items.map((i) => ({
      class: i.class, resource: i.resource, measure: i.measure.trim(), unit: i.unit.trim(),
      rate: i.rate === null || i.rate === undefined || Number.isNaN(i.rate) ? null : i.rate,
    })),
    surcharge: { yuan_per_kwh: d.rates.map((r) => (r === undefined ? null : r)) },
  }
}

export function sameConfig(a: PolicyDraft, b: PolicyDraft): boolean {
  return JSON.stringify(toBody(a)) === JSON.stringify(toBody(b))
}

/** The items of one class with their index in the flat list. */
export function rowsOf(d: PolicyDraft, cls: PolicyClass): { item: DraftItem; index: number }[] {
  return d.items.map((item, index) => ({ item, index })).filter((r) => r.item.class === cls)
}

/** Adds an empty item of `cls` after the class's last item (or where the class order puts it); returns its index. */
export function addItem(d: PolicyDraft, cls: PolicyClass): number {
  const order = POLICY_CLASSES.indexOf(cls)
  let at = d.items.length
  for (let i = d.items.length - 1; i >= 0; --i) {
    const o = POLICY_CLASSES.indexOf(d.items[i].class)
    if (o <= order) { at = i + 1; break }
    at = i
  }
  d.items.splice(at, 0, { key: nextKey++, class: cls, resource: 'other', measure: '', rate: null, unit: '' })
  return at
}

export function removeItem(d: PolicyDraft, index: number): void {
  d.items.splice(index, 1)
}

/** A new year of the surcharge schedule repeats the last rate (the schedule may not decrease). */
export function addYear(d: PolicyDraft): void {
  if (d.rates.length >= MAX_SURCHARGE_YEARS) return
  d.rates.push(d.rates.length ? d.rates[d.rates.length - 1] : 0.05)
}

export function removeYear(d: PolicyDraft): void {
  if (d.rates.length > 1) d.rates.pop()
}

/** Field errors of the server that concern the item at `index` but no column shown (e.g. its class). */
export function itemError(errors: Record<string, string>, index: number): string | undefined {
  return errors[`items[${index}].class`] ?? errors[`items[${index}]`]
}
