// Invitation links (administrators): create, show the new link once, list and withdraw.
import { ApiError, createInvitation, getAllOrganisations, getInvitations, revokeInvitation } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { copyText } from '../lib/copy-text.mjs'
import { el, formatDate, govukTag, hiddenText } from '../lib/dom.mjs'
import { onSubmit } from '../lib/forms.mjs'
import { clearErrors, showBanner, showErrors, showProblem } from '../lib/messages.mjs'
import { OrganisationPicker } from '../lib/organisation-picker.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'invitation-admin']
const STATUS_COLOURS = { valid: 'green', expired: 'grey', revoked: 'red', 'used up': 'grey' }
const STATUS_TEXT = { valid: 'Working', expired: 'Expired', revoked: 'Withdrawn', 'used up': 'Used up' }
const FIELD_ERRORS = {
  organisation_id: 'Choose an organisation from the list',
  expires_in_days: 'Enter a number of days from 1 to 180',
  max_uses: 'Enter how many people can use the link, from 1 to 100,000'
}

startPage()

const form = document.getElementById('invitation-form')
let names = {}
let picker

function wholeNumber (text, min, max) {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN
  return value >= min && value <= max ? value : null
}

function readForm () {
  const errors = []
  const organisationId = picker.value()
  if (!organisationId) errors.push({ controlId: 'organisation_id', text: FIELD_ERRORS.organisation_id })
  const days = wholeNumber(form.elements.expires_in_days.value, 1, 180)
  if (days === null) errors.push({ controlId: 'expires_in_days', text: FIELD_ERRORS.expires_in_days })
  const uses = wholeNumber(form.elements.max_uses.value, 1, 100000)
  if (uses === null) errors.push({ controlId: 'max_uses', text: FIELD_ERRORS.max_uses })
  return { errors, invitation: { organisation_id: organisationId, expires_in_days: days, max_uses: uses } }
}

function selectText (element) {
  const range = document.createRange()
  range.selectNodeContents(element)
  window.getSelection().removeAllRanges()
  window.getSelection().addRange(range)
}

function showNewLink (created) {
  const link = new URL(created.link || `/join?code=${encodeURIComponent(created.code)}`, window.location.origin).href
  const name = (created.organisation && created.organisation.name) || names[created.organisation_id] || created.organisation_id
  document.getElementById('new-link-heading').textContent = `Invitation link created for ${name}`
  document.getElementById('new-link-url').textContent = link
  document.getElementById('copy-done').hidden = true
  const box = document.getElementById('new-link')
  box.hidden = false
  box.focus()
}

function revokeButton (invitation) {
  const name = names[invitation.organisation_id] || invitation.organisation_id
  const button = el('button', { type: 'button', class: 'app-link-button' }, 'Withdraw', hiddenText(` the link for ${name} created ${formatDate(invitation.created_at)}`))
  button.addEventListener('click', async () => {
    clearErrors()
    try {
      await revokeInvitation(invitation.id)
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
      if (!(error instanceof ApiError && error.status === 404)) return showProblem()
    }
    await showInvitations()
    showBanner('success', `The invitation link for ${name} has been withdrawn. Nobody else can join through it.`)
  })
  return button
}

function row (invitation) {
  const cell = (content) => el('td', { class: 'govuk-table__cell' }, content)
  return el('tr', { class: 'govuk-table__row' },
    cell(names[invitation.organisation_id] || invitation.organisation_id),
    cell(formatDate(invitation.created_at)),
    cell(formatDate(invitation.expires_at)),
    cell(`${invitation.uses} of ${invitation.max_uses}`),
    cell(govukTag(STATUS_TEXT[invitation.status] || invitation.status, STATUS_COLOURS[invitation.status] || 'grey')),
    cell(invitation.status === 'valid' ? revokeButton(invitation) : ''))
}

async function showInvitations () {
  const reply = await getInvitations()
  const invitations = Array.isArray(reply.invitations) ? reply.invitations : []
  document.getElementById('invitations-body').replaceChildren(...invitations.map(row))
  document.getElementById('invitations-table-wrapper').hidden = !invitations.length
  document.getElementById('no-invitations').hidden = invitations.length > 0
}

async function create () {
  const { errors, invitation } = readForm()
  if (errors.length) return showErrors(errors)
  clearErrors()
  let created
  try {
    created = await createInvitation(invitation)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (error instanceof ApiError && error.status === 400) {
      const fieldErrors = Object.keys(error.fields).filter((name) => FIELD_ERRORS[name]).map((name) => ({ controlId: name, text: FIELD_ERRORS[name] }))
      return showErrors(fieldErrors.length ? fieldErrors : [{ text: error.message }])
    }
    return showProblem()
  }
  showNewLink(created)
  form.elements.max_uses.value = ''
  await showInvitations().catch(() => {})
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  try {
    const organisations = (await getAllOrganisations()).organisations || []
    names = Object.fromEntries(organisations.map((organisation) => [organisation.id, organisation.name]))
    picker = new OrganisationPicker(form.elements.organisation_id, organisations.filter((organisation) => organisation.active !== false), '')
    await showInvitations()
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    showOnly([], STATES)
    return showProblem()
  }
  showOnly(['invitation-admin'], STATES)
  onSubmit(form, create)
  document.getElementById('copy-link').addEventListener('click', async () => {
    const copied = await copyText(document.getElementById('new-link-url').textContent)
    document.getElementById('copy-status').textContent = copied ? 'Link copied' : ''
    document.getElementById('copy-done').hidden = !copied
    if (!copied) showErrors([{ text: 'Your browser did not let us copy the link. Select the link and copy it yourself.' }])
    if (!copied) selectText(document.getElementById('new-link-url'))
  })
}

main()
