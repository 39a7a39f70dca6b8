import { describe, expect, it } from 'vitest'
import { disposalPatch, isDisposalOverdue, isValidZombieMonths, toDisposalForm } from './disposal'

const rec = { id: 7, measure: '兼并重组', responsible_unit: '工信局', due: '2024-06-30', status: 'planned', completed_on: null, note: '' }

describe('disposal dialog helpers', () => {
  it('sends nothing when nothing changed', () => {
    expect(disposalPatch(rec, toDisposalForm(rec))).toEqual({})
  })

  it('sends only changed fields, trimmed', () => {
    const f = { ...toDisposalForm(rec), measure: '  破产清算 ', note: ' 已约谈 ' }
    expect(disposalPatch(rec, f)).toEqual({ measure: '破产清算', note: '已约谈' })
  })

  it('keeps the completion date only for a done record', () => {
    const done = { ...toDisposalForm(rec), status: 'done' as const, completed_on: '2024-05-01' }
    expect(disposalPatch(rec, done)).toEqual({ status: 'done', completed_on: '2024-05-01' })
    const back = { ...toDisposalForm({ ...rec, status: 'done', completed_on: '2024-05-01' }), status: 'in_progress' as const }
    expect(disposalPatch({ ...rec, status: 'done', completed_on: '2024-05-01' }, back)).toEqual({ status: 'in_progress', completed_on: null })
  })

  it('clears an emptied due date to null', () => {
    const f = { ...toDisposalForm(rec), status: 'cancelled' as const, due: '' }
    expect(disposalPatch(rec, f)).toEqual({ status: 'cancelled', due: null })
  })

  it('maps an unknown stored status to planned', () => {
    expect(toDisposalForm({ ...rec, status: 'weird' }).status).toBe('planned')
  })

  it('is overdue only when open and past due', () => {
    expect(isDisposalOverdue(rec, '2024-07-01')).toBe(true)
    expect(isDisposalOverdue(rec, '2024-06-30')).toBe(false)
    expect(isDisposalOverdue({ ...rec, status: 'done' }, '2025-01-01')).toBe(false)
    expect(isDisposalOverdue({ ...rec, status: 'cancelled' }, '2025-01-01')).toBe(false)
    expect(isDisposalOverdue({ ...rec, due: null }, '2025-01-01')).toBe(false)
  })

  it('accepts zombie months 1..60 whole numbers only', () => {
    expect([1, 6, 60].every(isValidZombieMonths)).toBe(true)
    expect([0, 61, 6.5, -1, NaN, '6', null, undefined].some(isValidZombieMonths)).toBe(false)
  })
})
