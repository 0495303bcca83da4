// Add an organisation (POST /organisations) or change one (PUT /organisations/{id}).
import { ApiError, createOrganisation, getAllOrganisations, updateOrganisation } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-admin', 'not-found', 'organisation-form']
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
// Each question's plain message; the API's own words follow for domains (they name the domain).
const FIELD_ERRORS = {
  id: 'Enter an ID of 2 to 64 lower-case letters, numbers and single hyphens',
  name: 'Enter the organisation’s name',
  abbreviation: 'Enter a shorter short name',
  kind: 'Select the kind of organisation',
  domains: 'Enter email domains the organisation owns, one on each line',
  active: 'Select yes if people can join it now'
}
const CONTROL_IDS = { kind: 'kind', active: 'active' }

startPage()

const form = document.getElementById('organisation-form')
const editingId = new URLSearchParams(window.location.search).get('id')

function checked (name) {
  return form.querySelector(`input[name="${name}"]:checked`)?.value || ''
}

function readForm () {
  const errors = []
  const body = {
    name: form.elements.name.value.trim(),
    kind: checked('kind'),
    abbreviation: form.elements.abbreviation.value.trim(),
    domains: form.elements.domains.value.split(/[\s,]+/).map((domain) => domain.trim().toLowerCase()).filter(Boolean),
    active: checked('active') !== 'false'
  }
  if (!editingId) {
    body.id = form.elements.id.value.trim()
    if (body.id.length < 2 || body.id.length > 64 || !ID_PATTERN.test(body.id)) errors.push({ controlId: 'id', text: FIELD_ERRORS.id })
  }
  if (!body.name) errors.push({ controlId: 'name', text: FIELD_ERRORS.name })
  if (!body.kind) errors.push({ controlId: 'kind', text: FIELD_ERRORS.kind })
  return { errors, body }
}

function fill (organisation) {
  form.elements.name.value = organisation.name || ''
  form.elements.abbreviation.value = organisation.abbreviation || ''
  form.elements.domains.value = (organisation.domains || []).join('\n')
  for (const radio of form.querySelectorAll('input[name="kind"]')) radio.checked = radio.value === organisation.kind
  for (const radio of form.querySelectorAll('input[name="active"]')) radio.checked = radio.value === String(organisation.active !== false)
}

/** The API's field errors on their questions: our words, with the API's for domains and ids. */
function showServerErrors (error) {
  const fields = Object.keys(error.fields).map((key) => key.split(/[.[]/)[0])
  const known = [...new Set(fields)].filter((name) => FIELD_ERRORS[name])
  if (!known.length) return showErrors([{ text: error.message }])
  showErrors(known.map((name) => ({
    controlId: CONTROL_IDS[name] || name,
    text: ['domains', 'id'].includes(name) && error.message ? error.message.replace(/\.$/, '') : FIELD_ERRORS[name]
  })))
}

async function save () {
  const { errors, body } = readForm()
  if (errors.length) return showErrors(errors)
  clearErrors()
  try {
    if (editingId) await updateOrganisation(editingId, body)
    else await createOrganisation(body)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (error instanceof ApiError && (error.status === 400 || error.status === 409)) return showServerErrors(error)
    if (error instanceof ApiError && error.status === 404) return showOnly(['not-found'], STATES)
    return showProblem()
  }
  setFlash('success', `${body.name} has been saved`)
  leavePage('/admin/organisations')
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  if (editingId) {
    let organisation
    try {
      organisation = ((await getAllOrganisations()).organisations || []).find((each) => each.id === editingId)
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
      showOnly([], STATES)
      return showProblem()
    }
    if (!organisation) return showOnly(['not-found'], STATES)
    setPageHeading('organisation-heading', `Change ${organisation.name}`)
    document.getElementById('id-question').hidden = true
    fill(organisation)
  }
  showOnly(['organisation-form'], STATES)
  onSubmit(form, save)
}

main()
