// One suggested match as a GOV.UK summary card: who they are, how strong the match is and what
// you both list; on a list of mentors, the link to ask them.
import { el, firstName, govukTag, summaryList } from './dom.mjs'
import { strengthOf } from './match-strength.mjs'
import { GRADE_LABELS } from './profile-format.mjs'

const SHARED_KINDS = [['skills', 'Skills'], ['interests', 'Interests'], ['professions', 'Professions']]

function sharedList (shared = {}) {
  const items = SHARED_KINDS
    .filter(([kind]) => Array.isArray(shared[kind]) && shared[kind].length)
    .map(([kind, label]) => el('li', {}, `${label}: ${shared[kind].join(', ')}`))
  return items.length ? el('ul', { class: 'govuk-list' }, items) : 'Nothing yet'
}

/** match: an entry of GET /me/matches; side: "mentee" (a list of mentors) or "mentor". */
export function matchCard (match, side, index) {
  const name = match.display_name || 'Name not given'
  const titleId = `match-${index}-name`
  const strength = strengthOf(match.score)
  const actions = side === 'mentee'
    ? el('ul', { class: 'govuk-summary-card__actions' },
      el('li', { class: 'govuk-summary-card__action' },
        el('a', { class: 'govuk-link', href: `/request?mentor=${encodeURIComponent(match.user_id)}` },
          `Ask ${firstName(name)} to mentor you`)))
    : null
  return el('li', { class: 'app-match', 'data-user-id': match.user_id },
    el('div', { class: 'govuk-summary-card' },
      el('div', { class: 'govuk-summary-card__title-wrapper' },
        el('h2', { class: 'govuk-summary-card__title', id: titleId },
          el('a', { class: 'govuk-link', href: `/people?id=${encodeURIComponent(match.user_id)}` }, name)),
        actions),
      el('div', { class: 'govuk-summary-card__content' },
        summaryList([
          { key: 'Match', value: govukTag(strength.label, strength.colour) },
          { key: 'You both list', value: sharedList(match.shared) },
          { key: 'Job title', value: match.job_title || 'Not given' },
          { key: 'Department', value: match.department || 'Not given' },
          { key: 'Grade', value: GRADE_LABELS[match.grade] || match.grade || 'Not given' },
          { key: 'Location', value: match.location || 'Not given' }
        ]))))
}
