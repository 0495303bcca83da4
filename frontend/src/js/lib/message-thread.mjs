// A message thread in MOJ Frontend's "messages" markup: a date line whenever the day changes,
// then each message (text only) with who sent it and when. Oldest first.
import { el } from './dom.mjs'

const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }
const TIME = { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }

function dayOf (date) {
  return date.toLocaleDateString('en-GB', DAY)
}

function timeOf (date) {
  return date.toLocaleTimeString('en-GB', TIME).replace(/\s/g, '').toLowerCase()
}

export class MessageThread {
  /** list: the .moj-message-list element; otherName: the other person's name. */
  constructor (list, otherName) {
    this.list = list
    this.otherName = otherName
    this.lastDay = ''
    this.count = 0
  }

  /** Adds messages ({ body, from_me, sent_at }) at the end; returns the first element added. */
  append (messages) {
    let first = null
    for (const message of messages) {
      const sentAt = new Date(message.sent_at)
      const day = dayOf(sentAt)
      if (day !== this.lastDay) {
        this.list.append(el('time', { class: 'moj-message-list__date', datetime: String(message.sent_at).slice(0, 10) }, day))
        this.lastDay = day
      }
      const type = message.from_me ? 'sent' : 'received'
      this.count += 1
      const item = el('div', { class: `moj-message-item moj-message-item--${type}`, id: `message-${this.count}`, tabindex: '-1' },
        el('div', { class: `moj-message-item__text moj-message-item__text--${type}` }, String(message.body ?? '')),
        el('div', { class: 'moj-message-item__meta' },
          el('span', { class: 'moj-message-item__meta--sender' }, message.from_me ? 'You' : this.otherName),
          ' at ',
          el('time', { class: 'moj-message-item__meta--timestamp', datetime: message.sent_at }, timeOf(sentAt))))
      this.list.append(item)
      first = first || item
    }
    return first
  }
}
