// Form submission handled by our script, once at a time: a second press of the button while
// the first request is on its way, or once we are leaving the page, does nothing (no double
// sign-ups or saves).
let leaving = false

/** Goes to another page; forms on this one stop taking submissions. */
export function leavePage (url, { reload = false } = {}) {
  leaving = true
  if (reload) window.location.reload()
  else window.location.assign(url)
}

export function onSubmit (form, handler) {
  let busy = false
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy || leaving) return
    busy = true
    form.setAttribute('aria-busy', 'true')
    try {
      await handler(event)
    } finally {
      busy = false
      form.removeAttribute('aria-busy')
    }
  })
}
