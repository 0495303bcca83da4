// Why a list of suggestions is empty, in this person's own terms: the API gives reason codes with
// their details (chalicelib/match_lists/empty.py) and src/data/match-reasons.json words each one.
// Everything from the API goes in as text.
import reasonTexts from '../../data/match-reasons.json'
import { el } from './dom.mjs'
import { listInWords } from './match-card.mjs'
import { GRADE_LABELS } from './profile-format.mjs'

function fill (template, reason) {
  const values = {
    grade: GRADE_LABELS[reason.grade] || reason.grade || '',
    capacity: String(reason.capacity ?? ''),
    skills: listInWords((reason.skills || []).map(String))
  }
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '')
}

function nearestList (texts, reason) {
  const nearest = Array.isArray(reason.nearest) ? reason.nearest : []
  if (!nearest.length) return null
  return [
    el('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, texts.nearest),
    el('ul', { class: 'govuk-list govuk-list--bullet' }, nearest.map((skill) => el('li', {},
      el('a', { class: 'govuk-link', href: `/mentors?skill=${encodeURIComponent(skill)}` }, String(skill),
        el('span', { class: 'govuk-visually-hidden' }, ': find mentors who offer it')))))
  ]
}

/** The reasons as paragraphs (with what to do about each); side: "mentee" or "mentor". */
export function reasonBlocks (reasons, side) {
  const texts = reasonTexts[side] || {}
  return (Array.isArray(reasons) ? reasons : []).filter((reason) => texts[reason.code]).map((reason) => {
    const wording = texts[reason.code]
    return el('div', { class: 'app-reason', 'data-reason': reason.code },
      el('p', { class: 'govuk-body govuk-!-margin-bottom-2' }, fill(wording.text, reason)),
      nearestList(wording, reason),
      wording.link ? el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', href: wording.link.href }, wording.link.text)) : null)
  })
}
