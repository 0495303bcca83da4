// Check your answers, then create the profile (PUT /me/profile). Each answer links back to its
// question page, which returns here; questions still to answer are listed as errors.
import profileFields from '../../data/profile-fields.json'
import { ApiError, getOrganisations, putMyProfile } from '../lib/api.mjs'
import { el } from '../lib/dom.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { firstProfileDraft } from '../lib/first-profile.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { GATE_REFUSED } from '../lib/placement.mjs'
import { clearDraft, profileFrom, stepsFor, TASKS } from '../lib/profile-draft.mjs'
import { formatField, organisationNames } from '../lib/profile-format.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'answers', 'create-form']
const FIELDS = Object.fromEntries(profileFields.map((field) => [field.name, field]))
// The profile fields each step asks (its readers, with "mentoring" being two fields).
const STEP_FIELDS = {
  name: ['display_name'],
  job: ['job_title'],
  about: ['bio'],
  organisation: ['organisation_id'],
  grade: ['grade'],
  location: ['location'],
  roles: ['roles'],
  mentoring: ['mentor_capacity', 'accepting_requests'],
  professions: ['professions'],
  'skills-offered': ['skills_offered'],
  'skills-wanted': ['skills_wanted'],
  interests: ['interests']
}

startPage()

function row (step, name, profile, names) {
  const key = FIELDS[name].key
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value' }, formatField(name, profile, { organisations: names, own: true })),
    el('dd', { class: 'govuk-summary-list__actions' },
      el('a', { class: 'govuk-link', href: `/profile/new/${step.id}?change=1` }, 'Change',
        el('span', { class: 'govuk-visually-hidden' }, ` ${key.toLowerCase()}`))))
}

function answers (draft, names) {
  const profile = profileFrom(draft.values)
  const steps = stepsFor(draft.values)
  return TASKS.flatMap((task) => {
    const rows = steps.filter((step) => step.task === task.id)
      .flatMap((step) => STEP_FIELDS[step.id].map((name) => row(step, name, profile, names)))
    return rows.length ? [el('h2', { class: 'govuk-heading-m' }, task.title), el('dl', { class: 'govuk-summary-list govuk-!-margin-bottom-9' }, rows)] : []
  })
}

function unanswered (draft) {
  return stepsFor(draft.values).filter((step) => !draft.done.includes(step.id))
    .map((step) => ({ text: `Answer “${FIELDS[STEP_FIELDS[step.id][0]].key}”`, href: `/profile/new/${step.id}?change=1` }))
}

/** The API's field errors as links to the questions that ask those fields. */
function serverErrors (error) {
  const entries = Object.keys(error.fields || {})
  if (entries.length === 1 && entries[0] === 'organisation_id' && error.message) {
    return [{ text: error.message.replace(/\.$/, ''), href: '/profile/new/organisation?change=1' }]
  }
  const linked = entries.map((key) => key.split(/[.[]/)[0]).map((name) => {
    const stepId = Object.keys(STEP_FIELDS).find((id) => STEP_FIELDS[id].includes(name))
    return FIELDS[name] && stepId ? { text: FIELDS[name].error, href: `/profile/new/${stepId}?change=1` } : null
  }).filter(Boolean)
  return linked.length ? linked : [{ text: error.message }]
}

async function create (draft) {
  clearErrors()
  try {
    await putMyProfile(profileFrom(draft.values))
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 409) { // made already, in another tab
      clearDraft()
      setFlash('important', 'You already have a profile.')
      return leavePage('/profile')
    }
    if (error.status === 400) return showErrors(serverErrors(error))
    if (error.status === 403 && error.code === 'sign_up_not_allowed') return showErrors([{ text: GATE_REFUSED, href: '/help' }])
    return showProblem()
  }
  clearDraft()
  leavePage('/profile/new/done')
}

async function main () {
  const draft = await firstProfileDraft(STATES)
  if (!draft) return
  const names = organisationNames(await getOrganisations().then((reply) => reply.organisations).catch(() => []))
  document.getElementById('answers').replaceChildren(...answers(draft, names))
  const missing = unanswered(draft)
  showOnly(missing.length ? ['answers'] : ['answers', 'create-form'], STATES)
  if (missing.length) return showErrors(missing)
  onSubmit(document.getElementById('create-form'), () => create(draft))
}

main()
