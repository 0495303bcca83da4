// One question of a first profile (/profile/new/<step>): filled from this tab's answers so far,
// checked as the one-page form checks it, then on to the next question (or back to the task list,
// or to "Check your answers" when changing an answer from there).
import { getMyOrganisations, getOrganisations } from '../lib/api.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { firstProfileDraft } from '../lib/first-profile.mjs'
import { showErrors, showProblem } from '../lib/messages.mjs'
import { OrganisationPicker, organisationForEmail } from '../lib/organisation-picker.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { GATE_REFUSED, allowedOrganisations, describePlacement } from '../lib/placement.mjs'
import { backAddress, nextAddress, saveDraft, stepById } from '../lib/profile-draft.mjs'
import { readQuestions } from '../lib/profile-form-read.mjs'
import { getSession } from '../lib/session.mjs'
import { TagInput } from '../lib/tag-input.mjs'
import { suggestTags } from '../lib/vocabulary.mjs'

const STATES = ['loading', 'question-form']
const form = document.getElementById('question-form')
const step = stepById(form.dataset.step)
const changing = new URLSearchParams(window.location.search).get('change') === '1'
const tagInputs = Object.fromEntries([...form.querySelectorAll('[data-tag-input]')]
  .map((root) => [root.dataset.tagInput, new TagInput(root, { suggest: suggestTags })]))
let organisationPicker

startPage()

function check (name, value) {
  for (const input of form.querySelectorAll(`input[name="${name}"]`)) {
    input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === String(value)
  }
}

function fill (values) {
  for (const name of ['display_name', 'job_title', 'bio', 'location', 'mentor_capacity']) {
    if (form.elements[name] && values[name] !== undefined) form.elements[name].value = values[name]
  }
  for (const name of ['grade', 'roles', 'accepting_requests']) {
    if (form.elements[name] && values[name] !== undefined) check(name, values[name])
  }
  for (const [name, tagInput] of Object.entries(tagInputs)) tagInput.setTags(values[name])
  window.dispatchEvent(new Event('pageshow')) // govuk-frontend's character count resyncs
}

async function setUpOrganisation (values) {
  const [organisations, placed] = await Promise.all([
    getOrganisations().then((reply) => reply.organisations || []).catch(() => null),
    getMyOrganisations().then((reply) => reply.organisations || []).catch((error) => error)
  ])
  const list = allowedOrganisations(organisations, placed)
  describePlacement(document.getElementById('organisation_id-hint'), organisations, placed)
  const chosen = values.organisation_id ||
    (list && list.length === 1 ? list[0].id : organisationForEmail(list || [], getSession()?.email))
  organisationPicker = new OrganisationPicker(form.elements.organisation_id, list || [], chosen)
  if (list === null) showProblem('Sorry, we could not load the list of organisations. Try again later.')
  else if (placed && placed.code === 'sign_up_not_allowed') showErrors([{ text: GATE_REFUSED, href: '/help' }])
}

async function main () {
  const draft = await firstProfileDraft(STATES)
  if (!draft) return
  document.getElementById('back-link').href = backAddress(step, draft.values, changing)
  // After a first sign-in with LinkedIn, the name LinkedIn gave starts the name question off.
  const linkedInName = getSession()?.user?.name
  fill(draft.values.display_name === undefined && linkedInName ? { ...draft.values, display_name: linkedInName } : draft.values)
  if (form.elements.organisation_id) await setUpOrganisation(draft.values)
  showOnly(['question-form'], STATES)
  onSubmit(form, () => {
    const pending = Object.values(tagInputs).map((tagInput) => tagInput.pendingError()).filter(Boolean)
    const { values, errors } = readQuestions(form, step.readers, { tagInputs, organisationPicker, roles: draft.values.roles })
    if (errors.length || pending.length) return showErrors([...errors, ...pending])
    const answers = { ...draft.values, ...values }
    const done = [...new Set([...draft.done, step.id])]
    saveDraft({ values: answers, done })
    leavePage(nextAddress(step, answers, changing))
  })
}

main()
