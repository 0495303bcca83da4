// How administrators see a person (GET /admin/users, /admin/users/{id}): who they are, at a glance.
import { el, formatDate, govukTag, summaryList } from './dom.mjs'
import { GRADE_LABELS, ROLE_LABELS } from './profile-format.mjs'

export function standingTag (state) {
  return state === 'suspended' ? govukTag('Suspended', 'red') : govukTag('Active', 'green')
}

/** The summary list that says who someone is (the rows an admin checks before acting). */
export function whoTheyAre (person) {
  const roles = (person.roles || []).map((role) => ROLE_LABELS[role] || role)
  return summaryList([
    { key: 'Name', value: person.display_name || 'No profile yet' },
    { key: 'Email address', value: person.email || 'Not known' },
    { key: 'Organisation', value: person.organisation ? person.organisation.name : 'Not given' },
    { key: 'Job title', value: person.job_title || 'Not given', hidden: person.job_title === undefined },
    { key: 'Grade', value: GRADE_LABELS[person.grade] || person.grade || 'Not given' },
    { key: 'Taking part as', value: roles.length ? roles.join(', ') : 'Not given' },
    { key: 'Location', value: person.location || 'Not given', hidden: person.location === undefined },
    {
      key: 'Account',
      value: el('span', {}, standingTag(person.state),
        person.state_changed_at ? ` since ${formatDate(person.state_changed_at)}` : '')
    }
  ], { id: 'who-they-are' })
}

/** A link to the admin page about one person (or plain text once they have left). */
export function personLink (who, fallback = 'Someone who has left Mentor Match') {
  if (!who || !who.user_id) return fallback
  return el('a', { class: 'govuk-link', href: `/admin/person?id=${encodeURIComponent(who.user_id)}` },
    who.display_name || 'No profile yet')
}
