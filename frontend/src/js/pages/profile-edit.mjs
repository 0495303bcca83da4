// Change your profile (one page, for returning people): PUT it back with the version we read. Someone
// without a profile yet is sent to build one in question pages (/profile/new). The server validates
// everything; our checks only save a round trip.
import profileFields from '../../data/profile-fields.json'
import { ApiError, getMyOrganisations, getMyProfile, getOrganisations, putMyProfile } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { redeemPendingInvitation } from '../lib/invitation.mjs'
import { clearErrors, showBanner, showErrors, showProblem } from '../lib/messages.mjs'
import { OrganisationPicker, organisationForEmail } from '../lib/organisation-picker.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { GATE_REFUSED, allowedOrganisations, describePlacement } from '../lib/placement.mjs'
import { readProfileForm } from '../lib/profile-form-read.mjs'
import { getPendingInvitation, getSession, setFlash, takeFlash } from '../lib/session.mjs'
import { TagInput } from '../lib/tag-input.mjs'
import { suggestTags } from '../lib/vocabulary.mjs'

const STATES = ['loading', 'profile-form']
const FIELDS = Object.fromEntries(profileFields.map((field) => [field.name, field]))
const CONFLICT_MESSAGE = 'Your profile was changed in another window or tab while you were editing it. ' +
  'We have loaded the latest version: check it and make your changes again.'

startPage()

const form = document.getElementById('profile-form')
const tagInputs = Object.fromEntries(
  [...form.querySelectorAll('[data-tag-input]')].map((root) => [root.dataset.tagInput, new TagInput(root, { suggest: suggestTags })])
)
let organisationPicker
let version

function checkRadio (name, value) {
  for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === value
}

function fillForm (profile) {
  for (const name of ['display_name', 'job_title', 'location', 'bio']) form.elements[name].value = profile[name] ?? ''
  checkRadio('grade', profile.grade ?? '')
  const roles = profile.roles || []
  for (const box of form.querySelectorAll('input[name="roles"]')) box.checked = roles.includes(box.value)
  form.elements.mentor_capacity.value = profile.mentor_capacity ?? ''
  checkRadio('accepting_requests', profile.accepting_requests === undefined ? '' : String(Boolean(profile.accepting_requests)))
  for (const [name, tagInput] of Object.entries(tagInputs)) tagInput.setTags(profile[name])
  // govuk-frontend's checkboxes (conditional reveal) and character count resync on "pageshow".
  window.dispatchEvent(new Event('pageshow'))
}

function focusFromAddress () {
  let target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)))
  if (!target) return
  // For radios, the chosen option (as arrow keys and Tab would reach it).
  if (target.type === 'radio') target = form.querySelector(`input[name="${target.name}"]:checked`) || target
  target.scrollIntoView({ block: 'center' })
  target.focus({ preventScroll: true })
}

/**
 * Server validation errors ({"fields": {"skills_offered[2]": "..."}}) shown on their questions,
 * in the order of the questions. Each known question has its own plain-English message (the
 * server's field messages are written for developers); anything else shows the server's words.
 * A refused organisation alone shows the server's message, which names the organisation the
 * person may choose (the sign-up gate: their email domain or invitation decides it).
 */
function showServerErrors (error) {
  const entries = Object.entries(error.fields)
  if (!entries.length) return showErrors([{ text: error.message }])
  if (entries.length === 1 && entries[0][0] === 'organisation_id' && error.message) {
    return showErrors([{ controlId: FIELDS.organisation_id.controlId, text: error.message.replace(/\.$/, '') }])
  }
  const order = profileFields.map((field) => field.name)
  const errors = entries.map(([key, message]) => {
    const field = FIELDS[key.split(/[.[]/)[0]]
    return field ? { controlId: field.controlId, text: field.error, rank: order.indexOf(field.name) } : { text: message, rank: order.length }
  })
  const unique = errors.filter((error, index) => !error.controlId || errors.findIndex((other) => other.controlId === error.controlId) === index)
  showErrors(unique.sort((a, b) => a.rank - b.rank))
}

/** Text typed in a tag box but not added is an error: only Add (or a suggestion) adds a tag. */
function pendingTagErrors () {
  return Object.values(tagInputs).map((tagInput) => tagInput.pendingError()).filter(Boolean)
}

/** Errors in the order of the questions on the page. */
function orderErrors (errors) {
  const order = profileFields.map((field) => field.controlId)
  return errors.sort((a, b) => order.indexOf(a.controlId) - order.indexOf(b.controlId))
}

async function save () {
  const tagErrors = pendingTagErrors()
  const { profile, errors } = readProfileForm(form, { tagInputs, organisationPicker })
  if (errors.length || tagErrors.length) return showErrors(orderErrors([...errors, ...tagErrors]))
  if (version !== undefined && version !== null) profile.version = version
  clearErrors()
  try {
    await putMyProfile(profile)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 409) {
      setFlash('important', CONFLICT_MESSAGE)
      leavePage(window.location.href, { reload: true })
      return
    }
    if (error.status === 400 || error.status === 422) return showServerErrors(error)
    if (error.status === 403 && error.code === 'sign_up_not_allowed') return showErrors([{ text: GATE_REFUSED }])
    return showProblem()
  }
  setFlash('success', 'Your profile has been saved')
  leavePage('/profile')
}

async function main () {
  await requireAccessToken()
  // An invitation link not yet redeemed places the person first; say what happened at once.
  if (getPendingInvitation()) {
    await redeemPendingInvitation()
    const flash = takeFlash()
    if (flash) showBanner(flash.type, flash.text)
  }
  const organisations = getOrganisations().then((reply) => reply.organisations || []).catch(() => null)
  const placements = getMyOrganisations().then((reply) => reply.organisations || []).catch((error) => error)
  let profile = {}
  try {
    profile = await getMyProfile()
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return window.location.replace('/profile/new')
    showOnly([], STATES)
    return showProblem()
  }
  version = profile.version
  fillForm(profile)
  // Only the organisations the person's email address or invitation places them in can be chosen.
  const placed = await placements
  const allOrganisations = await organisations
  const organisationList = allowedOrganisations(allOrganisations, placed)
  describePlacement(document.getElementById('organisation_id-hint'), allOrganisations, placed)
  // A new profile starts with the organisation that owns the person's email domain, if one does.
  const organisationId = profile.organisation_id ||
    (organisationList && organisationList.length === 1 ? organisationList[0].id : organisationForEmail(organisationList || [], getSession()?.email))
  organisationPicker = new OrganisationPicker(form.elements.organisation_id, organisationList || [], organisationId)
  showOnly(['profile-form'], STATES)
  if (organisationList === null) showProblem('Sorry, we could not load the list of organisations. Try again later.')
  else if (placed instanceof ApiError && placed.code === 'sign_up_not_allowed') showErrors([{ text: GATE_REFUSED }])
  else focusFromAddress()
  onSubmit(form, save)
}

main()
