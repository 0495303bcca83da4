// A tag input built on accessible-autocomplete (loaded as window.accessibleAutocomplete):
// type, and the first suggestion is highlighted; Enter (or a click) adds the highlighted
// suggestion, the arrow keys move between them. Text that is not a suggestion is added only with
// the "Add" button, never by Enter (typing "men" and pressing Enter adds "Menopause support", not
// "men"). Each tag joins a list where it has its own "Remove" button; screen readers hear each
// change through a status region. Suggestions come from suggest(kind, prefix), already-added tags
// left out. A closed list (data-closed-list, for professions) takes only entries of the vocabulary.
import { clearFieldError, setFieldError } from './messages.mjs'

const SUGGESTION_DELAY_MS = 150
const MAX_SUGGESTIONS = 10

function escapeHtml (text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

function tidy (text) {
  return String(text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim()
}

function sameTag (a, b) {
  return tidy(a).toLocaleLowerCase('en-GB') === tidy(b).toLocaleLowerCase('en-GB')
}

function capitalise (text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a skill", "an interest" */
export function withArticle (noun) {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`
}

export class TagInput {
  constructor (root, { suggest }) {
    this.root = root
    this.name = root.dataset.tagInput
    this.kind = root.dataset.kind
    this.itemLabel = root.dataset.itemLabel
    this.legend = root.dataset.legend
    this.closedList = 'closedList' in root.dataset
    this.maxLength = Number(root.dataset.maxLength) || 60
    this.maxTags = Number(root.dataset.maxTags) || 30
    this.suggest = suggest
    this.tags = []
    this.requestNumber = 0
    this.list = root.querySelector('.app-tag-list')
    this.empty = root.querySelector('.app-tag-input__empty')
    this.status = root.querySelector('[role="status"]')
    this.container = root.querySelector('.app-tag-input__autocomplete')
    this.inputId = `${this.name}-input`
    this.mountAutocomplete()
    root.querySelector('.app-tag-input__add').addEventListener('click', () => this.addTyped())
    // Enter in the text box adds what was typed, unless a suggestion is highlighted (then the
    // autocomplete adds the suggestion). Capture phase: runs before the autocomplete sees the key.
    this.container.addEventListener('keydown', (event) => this.handleEnter(event), true)
    this.list.addEventListener('click', (event) => this.handleRemoveClick(event))
  }

  mountAutocomplete () {
    this.container.replaceChildren()
    window.accessibleAutocomplete({
      element: this.container,
      id: this.inputId,
      name: '',
      source: (query, populate) => this.findSuggestions(query, populate),
      onConfirm: (suggestion) => this.addSuggestion(suggestion),
      minLength: 1,
      autoselect: true, // the first suggestion is highlighted: Enter adds it
      confirmOnBlur: false,
      showNoOptionsFound: false,
      displayMenu: 'inline',
      templates: { inputValue: (value) => value ?? '', suggestion: escapeHtml },
      tAssistiveHint: () => this.closedList
        ? 'When suggestions are available, use the up and down arrows to review them and Enter to add one.'
        : 'When suggestions are available, use the up and down arrows to review them and Enter to add one. To add what you typed instead, use the Add button.'
    })
  }

  get input () {
    return document.getElementById(this.inputId)
  }

  /** Text typed but not yet added. */
  get pendingText () {
    return tidy(this.input?.value)
  }

  findSuggestions (query, populate) {
    clearTimeout(this.suggestTimer)
    const prefix = tidy(query)
    if (!prefix) return populate([])
    this.suggestTimer = setTimeout(async () => {
      const requestNumber = ++this.requestNumber
      let items = []
      try {
        items = await this.suggest(this.kind, prefix)
      } catch {
        items = []
      }
      if (requestNumber !== this.requestNumber) return
      populate(items.filter((item) => !this.has(item)).slice(0, MAX_SUGGESTIONS))
    }, SUGGESTION_DELAY_MS)
  }

  /** Enter with a suggestion highlighted: the autocomplete adds it. Without one: nothing is added
   * (and the form is not sent); the person is told how to add what they typed. */
  handleEnter (event) {
    if (event.key !== 'Enter' || event.target !== this.input) return
    if (this.container.querySelector('.autocomplete__option--focused')) return
    event.preventDefault()
    event.stopPropagation()
    if (!this.pendingText) return
    this.announce(this.closedList
      ? `Choose ${withArticle(this.itemLabel)} from the suggestions`
      : `No suggestion is highlighted. To add ${this.pendingText}, use the Add button`)
  }

  handleRemoveClick (event) {
    const button = event.target.closest('button[data-tag-index]')
    if (!button) return
    const index = Number(button.dataset.tagIndex)
    const [removed] = this.tags.splice(index, 1)
    this.render()
    const buttons = this.list.querySelectorAll('button[data-tag-index]')
    const next = buttons[Math.min(index, buttons.length - 1)]
    ;(next || this.input).focus()
    this.announce(`${removed} removed from ${this.legend}`)
  }

  has (tag) {
    return this.tags.some((existing) => sameTag(existing, tag))
  }

  /** A suggestion was chosen: add it, and bring focus back to the text box for the next one
   * (the chosen option leaves the page, which would otherwise leave focus nowhere). */
  addSuggestion (suggestion) {
    if (!suggestion) return
    this.addTag(suggestion)
    setTimeout(() => this.input?.focus(), 0)
  }

  /**
   * Adds whatever is in the text box (used by "Add", Enter, and saving the form).
   * Resolves to null when it was added (or nothing was typed), else to the error shown.
   */
  async addTyped () {
    const typed = this.pendingText
    if (!typed) {
      this.announce(`Type ${withArticle(this.itemLabel)} first`)
      return null
    }
    if (!this.closedList) return this.addTag(typed)
    let items = []
    try {
      items = await this.suggest(this.kind, typed)
    } catch {
      items = []
    }
    const match = items.find((item) => sameTag(item, typed))
    return match ? this.addTag(match) : this.reject(`Choose ${withArticle(this.itemLabel)} from the list`)
  }

  /** Adds a tag; null when added (or already there), else the error shown. */
  addTag (raw) {
    const tag = tidy(raw)
    if (!tag) return null
    if (this.has(tag)) {
      this.clearInput(tag)
      this.announce(`${tag} is already in ${this.legend}`)
      return null
    }
    if (tag.length > this.maxLength) return this.reject(`${capitalise(this.itemLabel)} must be ${this.maxLength} characters or fewer`)
    if (this.tags.length >= this.maxTags) return this.reject(`You can add up to ${this.maxTags} ${this.legend}`)
    this.clearInput(tag)
    clearFieldError(this.inputId)
    this.tags.push(tag)
    this.render()
    this.announce(`${tag} added to ${this.legend}`)
    return null
  }

  /** { controlId, text } when text was typed but not added (saving must not add it silently), else null. */
  pendingError () {
    const typed = this.pendingText
    if (!typed) return null
    return { controlId: this.inputId, text: `You typed “${typed}” but did not add it. Choose a suggestion, use the Add button, or delete it` }
  }

  /** Shows why the text typed cannot be added; the text stays so it can be put right. */
  reject (text) {
    setFieldError(this.inputId, text)
    this.announce(text)
    return text
  }

  /** Empties the text box after `added` went into the list. */
  clearInput (added) {
    this.requestNumber++
    clearTimeout(this.suggestTimer)
    // The autocomplete keeps its own copy of the text; an input event tells it the box is empty.
    // After a suggestion is chosen it writes the suggestion back: clear that too, but never
    // anything typed since.
    const clear = (onlyIfStillAdded) => {
      const input = this.input
      if (!input || input.value === '') return
      if (onlyIfStillAdded && !sameTag(input.value, added)) return
      input.value = ''
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }
    clear(false)
    setTimeout(() => clear(true), 0)
  }

  announce (text) {
    // Emptied first so that the same words twice are still announced.
    this.status.textContent = ''
    setTimeout(() => { this.status.textContent = text }, 50)
  }

  setTags (tags) {
    this.tags = []
    for (const tag of tags || []) {
      if (tidy(tag) && !this.has(tag)) this.tags.push(tidy(tag))
    }
    this.render()
  }

  getTags () {
    return [...this.tags]
  }

  render () {
    this.list.replaceChildren(...this.tags.map((tag, index) => this.renderTag(tag, index)))
    this.list.hidden = this.tags.length === 0
    this.empty.hidden = this.tags.length > 0
  }

  renderTag (tag, index) {
    const item = document.createElement('li')
    item.className = 'app-tag-list__item'
    const text = document.createElement('span')
    text.className = 'app-tag-list__text'
    text.textContent = tag
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'app-link-button app-tag-list__remove'
    button.dataset.tagIndex = String(index)
    const hidden = document.createElement('span')
    hidden.className = 'govuk-visually-hidden'
    hidden.textContent = ` ${tag} from ${this.legend}`
    button.append('Remove', hidden)
    item.append(text, ' ', button)
    return item
  }
}
