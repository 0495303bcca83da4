// The "Get help" contact route: administrators set it (HELP_EMAIL, HELP_PHONE, HELP_HOURS; in AWS the
// stack's Help* parameters) and the site reads it from /config.json's "help". Any element marked
// data-help="email" | "phone" | "hours" is filled in; data-help-row="phone" is hidden when no phone is set.
import { loadConfig } from './config.mjs'
import { el } from './dom.mjs'

export async function helpContact () {
  const config = await loadConfig()
  const help = (config && typeof config.help === 'object' && config.help) || {}
  return { email: String(help.email || ''), phone: String(help.phone || ''), hours: String(help.hours || '') }
}

export async function fillHelpContact (root = document) {
  const targets = root.querySelectorAll('[data-help]')
  if (!targets.length) return
  let contact
  try {
    contact = await helpContact()
  } catch {
    return // the page still links to /help, which says what to do
  }
  for (const target of targets) {
    const kind = target.dataset.help
    if (kind === 'email' && contact.email) {
      target.replaceChildren(el('a', { class: 'govuk-link', href: `mailto:${contact.email}` }, contact.email))
    } else if (kind === 'phone' || kind === 'hours') {
      target.textContent = contact[kind]
    }
  }
  root.querySelectorAll('[data-help-row="phone"]').forEach((row) => { row.hidden = !contact.phone })
}
