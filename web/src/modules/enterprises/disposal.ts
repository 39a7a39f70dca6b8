// Pure helpers of the zombie disposal dialog and the zombie-months setting (no Vue, no HTTP).
import type { Disposal, DisposalPatch } from '@/api/enterprises'

export type DisposalStatus = 'planned' | 'in_progress' | 'done' | 'cancelled'
export const DISPOSAL_STATUSES: DisposalStatus[] = ['planned', 'in_progress', 'done', 'cancelled']

export interface DisposalForm {
  measure: string
  responsible_unit: string
  due: string | null
  status: DisposalStatus
  completed_on: string | null
  note: string
}

function asStatus(s: string): DisposalStatus {
  return (DISPOSAL_STATUSES as string[]).includes(s) ? (s as DisposalStatus) : 'planned'
}

/** The dialog's form for a stored record. */
export function toDisposalForm(d: Disposal): DisposalForm {
  return {
    measure: d.measure ?? '',
    responsible_unit: d.responsible_unit ?? '',
    due: d.due ?? null,
    status: asStatus(d.status),
    completed_on: d.completed_on ?? null,
    note: d.note ?? '',
  }
}

/**
 * The PATCH body: only what changed, texts trimmed. The completion date belongs to a done record
 * only (the server refuses it otherwise), so it is cleared when the status is not done.
 */
export function disposalPatch(before: Disposal, form: DisposalForm): DisposalPatch {
  const old = toDisposalForm(before)
  const next: DisposalForm = {
    ...form,
    measure: form.measure.trim(),
    responsible_unit: form.responsible_unit.trim(),
    note: form.note.trim(),
    due: form.due || null,
    completed_on: form.status === 'done' ? form.completed_on || null : null,
  }
  const patch: DisposalPatch = {}
  for (const k of Object.keys(next) as (keyof DisposalForm)[]) {
    if (next[k] !== old[k]) (patch as Record<string, unknown>)[k] = next[k]
  }
  return patch
}

/** Overdue: not done or cancelled, and today (YYYY-MM-DD) is after the due date. */
export function isDisposalOverdue(d: Pick<Disposal, 'status' | 'due'>, today: string): boolean {
  if (d.status === 'done' || d.status === 'cancelled' || !d.due) return false
  return today > d.due
}

/** The zombie-months setting: a whole number 1..60. */
export function isValidZombieMonths(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 60
}
