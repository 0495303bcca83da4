// The organisation question: a <select> of GET /organisations, turned into a type-ahead by
// accessible-autocomplete (window.accessibleAutocomplete.enhanceSelectElement).
function escapeHtml (text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

/**
 * Keeps the question's hint and error message in the text box's aria-describedby: the
 * autocomplete rewrites that attribute itself (for its own usage hint) as the person types.
 */
function keepDescribedBy (input, ids) {
  const apply = () => {
    const current = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    const present = ids.filter((id) => document.getElementById(id))
    const wanted = [...new Set([...present, ...current])]
    if (wanted.join(' ') !== current.join(' ')) input.setAttribute('aria-describedby', wanted.join(' '))
  }
  new MutationObserver(apply).observe(input, { attributes: true, attributeFilter: ['aria-describedby'] })
  new MutationObserver(apply).observe(input.closest('.govuk-form-group'), { childList: true })
  apply()
}

/** True when the email domain is one of the organisation's: exact, or under a "*." pattern. */
function ownsEmailDomain (organisation, email) {
  const domain = String(email || '').split('@').pop().toLowerCase()
  return Boolean(domain) && (organisation.domains || []).some((pattern) => {
    const wanted = String(pattern).toLowerCase()
    return wanted.startsWith('*.') ? domain.endsWith(wanted.slice(1)) : domain === wanted
  })
}

/** The one organisation whose email domains include this address (a first guess for new profiles). */
export function organisationForEmail (organisations, email) {
  const owners = organisations.filter((organisation) => ownsEmailDomain(organisation, email))
  return owners.length === 1 ? owners[0].id : ''
}

export class OrganisationPicker {
  constructor (select, organisations, selectedId) {
    this.select = select
    this.inputId = select.id
    const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    const options = [new Option('', '')].concat(sorted.map((org) => new Option(org.name, org.id)))
    select.replaceChildren(...options)
    select.value = selectedId && sorted.some((org) => org.id === selectedId) ? selectedId : ''
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      minLength: 2,
      showAllValues: false,
      displayMenu: 'inline',
      templates: { inputValue: (value) => value ?? '', suggestion: escapeHtml }
    })
    keepDescribedBy(document.getElementById(this.inputId), [`${this.inputId}-hint`, `${this.inputId}-error`])
  }

  /**
   * The chosen organisation id: '' when the box is empty, null when the text typed is not an
   * organisation in the list (the select alone would keep an earlier choice).
   */
  value () {
    const typed = (document.getElementById(this.inputId)?.value || '').trim().toLocaleLowerCase('en-GB')
    if (!typed) return ''
    const match = [...this.select.options].find((option) => option.value && option.text.trim().toLocaleLowerCase('en-GB') === typed)
    return match ? match.value : null
  }
}
