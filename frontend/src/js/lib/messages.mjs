// GOV.UK error summaries, inline error messages and notification banners made in the browser.
// The markup comes from <template>s rendered at build time by govuk-frontend's own macros
// (see layout.njk); the govuk-frontend component is created when the copy is shown, so that it
// moves focus to it then, as the design system expects.
import { ErrorSummary, NotificationBanner } from 'govuk-frontend'

const ERROR_TITLE_PREFIX = 'Error: '
const CONTROL_ERROR_CLASSES = {
  INPUT: 'govuk-input--error',
  SELECT: 'govuk-select--error',
  TEXTAREA: 'govuk-textarea--error'
}

function messagesSlot () {
  return document.getElementById('messages')
}

function cloneTemplate (id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true)
}

function setTitleError (hasError) {
  const title = document.title.startsWith(ERROR_TITLE_PREFIX) ? document.title.slice(ERROR_TITLE_PREFIX.length) : document.title
  document.title = hasError ? ERROR_TITLE_PREFIX + title : title
}

/** Removes the error summary, every inline error and the "Error:" title prefix. */
export function clearErrors () {
  messagesSlot().querySelectorAll('.govuk-error-summary').forEach((summary) => summary.remove())
  document.querySelectorAll('[data-app-error]').forEach((message) => {
    const describedBy = document.querySelectorAll(`[aria-describedby~="${message.id}"]`)
    describedBy.forEach((element) => removeDescribedBy(element, message.id))
    message.remove()
  })
  document.querySelectorAll('.govuk-form-group--error').forEach((group) => group.classList.remove('govuk-form-group--error'))
  for (const className of Object.values(CONTROL_ERROR_CLASSES)) {
    document.querySelectorAll(`.${className}`).forEach((control) => control.classList.remove(className))
  }
  setTitleError(false)
}

function removeDescribedBy (element, id) {
  const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter((value) => value && value !== id)
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '))
  else element.removeAttribute('aria-describedby')
}

function addDescribedBy (element, id) {
  const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
  if (!ids.includes(id)) ids.push(id)
  element.setAttribute('aria-describedby', ids.join(' '))
}

/** The first child that is not part of a question's heading (legend, label, hint): errors go before it. */
function firstAfterQuestionHeading (container) {
  for (const child of container.children) {
    const isHeading = child.matches('legend, label, .govuk-label-wrapper, .govuk-fieldset__legend') ||
      (child.matches('.govuk-hint') && !child.matches('.govuk-character-count__message'))
    if (!isHeading) return child
  }
  return null
}

/**
 * Shows a GOV.UK inline error for the question holding the control with this id
 * (for radios and checkboxes, the id of the first option).
 */
export function setFieldError (controlId, text) {
  const control = document.getElementById(controlId)
  const group = control && control.closest('.govuk-form-group')
  if (!group) return false
  const fieldset = control.closest('.govuk-fieldset')
  const ownFieldset = fieldset && group.contains(fieldset) ? fieldset : null
  const container = ownFieldset || group
  const errorId = `${controlId}-error`
  document.getElementById(errorId)?.remove()

  const message = document.createElement('p')
  message.className = 'govuk-error-message'
  message.id = errorId
  message.dataset.appError = ''
  const prefix = document.createElement('span')
  prefix.className = 'govuk-visually-hidden'
  prefix.textContent = 'Error:'
  message.append(prefix, ` ${text}`)
  container.insertBefore(message, firstAfterQuestionHeading(container))

  group.classList.add('govuk-form-group--error')
  const describedElement = ownFieldset || control
  addDescribedBy(describedElement, errorId)
  const errorClass = CONTROL_ERROR_CLASSES[control.tagName]
  if (errorClass && !ownFieldset && control.classList.contains(errorClass.replace('--error', ''))) {
    control.classList.add(errorClass)
  }
  return true
}

/** Removes one question's inline error (for example once the person has put it right). */
export function clearFieldError (controlId) {
  const message = document.getElementById(`${controlId}-error`)
  if (!message || !('appError' in message.dataset)) return
  document.querySelectorAll(`[aria-describedby~="${message.id}"]`).forEach((element) => removeDescribedBy(element, message.id))
  const group = message.closest('.govuk-form-group')
  message.remove()
  if (group && !group.querySelector('[data-app-error]')) group.classList.remove('govuk-form-group--error')
  const control = document.getElementById(controlId)
  for (const className of Object.values(CONTROL_ERROR_CLASSES)) control?.classList.remove(className)
}

/**
 * Shows the error summary at the top of the page and moves focus to it, in place of any banner
 * (a "Success" left from the page before must not sit above "There is a problem").
 * errors: [{ text, controlId?, href? }] — with a controlId the summary links to the question and the
 * question gets the same message inline; with an href it links there (for example "/help").
 */
export function showErrors (errors) {
  clearErrors()
  messagesSlot().querySelectorAll('.govuk-notification-banner').forEach((banner) => banner.remove())
  const summary = cloneTemplate('error-summary-template')
  const list = summary.querySelector('.govuk-error-summary__list')
  list.replaceChildren()
  for (const error of errors) {
    const item = document.createElement('li')
    const shownInline = error.controlId && setFieldError(error.controlId, error.text)
    if (shownInline || error.href) {
      const link = document.createElement('a')
      link.href = shownInline ? `#${error.controlId}` : error.href
      link.textContent = error.text
      item.append(link)
    } else {
      item.textContent = error.text
    }
    list.append(item)
  }
  messagesSlot().prepend(summary)
  setTitleError(true)
  new ErrorSummary(summary) // eslint-disable-line no-new
}

/** For failures that are nobody's input: the service or network let us down. */
export function showProblem (text = 'Sorry, there is a problem with the service. Try again later.') {
  showErrors([{ text }])
}

/** A green "Success" banner (focused, announced) or a blue "Important" one. */
export function showBanner (type, text) {
  messagesSlot().querySelectorAll('.govuk-notification-banner').forEach((banner) => banner.remove())
  const banner = cloneTemplate(type === 'success' ? 'success-banner-template' : 'important-banner-template')
  banner.querySelector('.govuk-notification-banner__heading').textContent = text
  messagesSlot().append(banner)
  new NotificationBanner(banner) // eslint-disable-line no-new
  return banner
}
