// One suggested match as a GOV.UK summary card: who they are, what they can help with (or want to
// develop) in the words the mentee wrote, what else you share, and how strong the match is; on a
// list of mentors, the link to ask them.
import { el, firstName, govukTag, summaryList } from './dom.mjs'
import { strengthOf } from './match-strength.mjs'
import { GRADE_LABELS } from './profile-format.mjs'

/** "a", "a and b", "a, b and c" */
export function listInWords (items) {
  if (items.length < 2) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** "2 of the 3 skills you want to develop", checkable against the list beneath it and the profile. */
export function skillsCount (found, asked, side) {
  const whose = side === 'mentee' ? 'you want' : 'they want'
  if (asked === 1 && found === 1) return `The skill ${whose} to develop`
  if (found === asked) return `All ${asked} skills ${whose} to develop`
  return `${found} of the ${asked} skills ${whose} to develop`
}

function skillsValue (match, side) {
  const skills = (match.shared && match.shared.skills) || []
  if (!skills.length) return side === 'mentee' ? 'None of the skills you want to develop yet' : 'None of the skills you offer yet'
  const asked = Math.max(Number(match.skills_asked) || 0, skills.length)
  return el('div', {},
    el('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, `${skillsCount(skills.length, asked, side)}:`),
    el('ul', { class: 'govuk-list govuk-list--bullet govuk-!-margin-bottom-0' }, skills.map((skill) => el('li', {}, skill))))
}

function sharedValue (shared = {}) {
  const parts = []
  if (Array.isArray(shared.interests) && shared.interests.length) parts.push(el('li', {}, `Interests: ${shared.interests.join(', ')}`))
  if (Array.isArray(shared.professions) && shared.professions.length) parts.push(el('li', {}, `${shared.professions.length === 1 ? 'Profession' : 'Professions'}: ${shared.professions.join(', ')}`))
  return parts.length ? el('ul', { class: 'govuk-list govuk-!-margin-bottom-0' }, parts) : null
}

/** match: an entry of GET /me/matches; side: "mentee" (a list of mentors) or "mentor". */
export function matchCard (match, side, index) {
  const name = match.display_name || 'Name not given'
  const titleId = `match-${index}-name`
  const strength = strengthOf(match.strength)
  const shared = sharedValue(match.shared)
  const actions = side === 'mentee'
    ? el('ul', { class: 'govuk-summary-card__actions' },
      el('li', { class: 'govuk-summary-card__action' },
        el('a', { class: 'govuk-link', href: `/request?mentor=${encodeURIComponent(match.user_id)}` },
          `Ask ${firstName(name)} to mentor you`)))
    : null
  return el('li', { class: 'app-match', 'data-user-id': match.user_id, 'data-strength': strength.code },
    el('div', { class: 'govuk-summary-card' },
      el('div', { class: 'govuk-summary-card__title-wrapper' },
        el('h2', { class: 'govuk-summary-card__title', id: titleId },
          el('a', { class: 'govuk-link', href: `/people?id=${encodeURIComponent(match.user_id)}` }, name)),
        actions),
      el('div', { class: 'govuk-summary-card__content' },
        summaryList([
          { key: 'Match', value: govukTag(strength.label, strength.colour) },
          { key: side === 'mentee' ? 'Can help you with' : 'Wants to develop', value: skillsValue(match, side) },
          { key: 'You both list', value: shared || '', hidden: !shared },
          { key: 'Job title', value: match.job_title || 'Not given' },
          { key: 'Department', value: match.department || 'Not given' },
          { key: 'Grade', value: GRADE_LABELS[match.grade] || match.grade || 'Not given' },
          { key: 'Location', value: match.location || 'Not given' }
        ]))))
}
