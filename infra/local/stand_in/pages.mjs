// The stand-in's own pages: LinkedIn's sign-in page (local) and the hosted sign-out step.
const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const STYLE = `
  body { font-family: -apple-system, system-ui, "Segoe UI", Roboto, Arial, sans-serif; background: #f4f2ee; margin: 0; color: #1d1d1d; }
  main { max-width: 22rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 0 0 1px #e0dfdc; }
  .brand { color: #0a66c2; font-weight: 700; font-size: 1.6rem; margin: 0 0 .5rem; }
  h1 { font-size: 1.5rem; margin: .5rem 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #666; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #0a66c2; outline-offset: 2px; }
  .check { margin-top: 1rem; font-weight: 400; display: flex; gap: .5rem; align-items: center; }
  button { margin-top: 1.25rem; width: 100%; padding: .7rem; font-size: 1rem; font-weight: 600; color: #fff; background: #0a66c2; border: 0; border-radius: 24px; cursor: pointer; }
  .error { color: #b24020; font-weight: 600; }
  .note { font-size: .875rem; color: #4a4a4a; }
`

function layout (title, body) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`
}

export function loginPage ({ uid, email = '', error = '' }) {
  return layout('Sign in | LinkedIn (local stand-in)', `
  <p class="brand" aria-hidden="true">Linked<span>in</span></p>
  <h1>Sign in</h1>
  <p class="note">Local stand-in for LinkedIn. Any email address signs in as a LinkedIn member with that email
    when the password is the demo password <code>make run</code> printed.</p>
  ${error ? `<p class="error" role="alert" id="sign-in-error">${escape(error)}</p>` : ''}
  <form method="post" action="/interaction/${escape(uid)}" novalidate>
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" value="${escape(email)}" ${error ? 'aria-describedby="sign-in-error"' : ''} required>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <label class="check" for="verified"><input id="verified" name="verified" type="checkbox" value="yes" checked>
      LinkedIn has verified this email address</label>
    <button type="submit">Sign in</button>
  </form>`)
}

/** Cognito signs out of the hosted session at once: the form oidc-provider made is sent without asking. */
export function signOutPage (form) {
  return layout('Signing out | Mentor Match (local stand-in)', `
  <h1>Signing out</h1>
  ${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
  <noscript><button type="submit" form="op.logoutForm">Continue</button></noscript>
  <script>document.getElementById('op.logoutForm').submit()</script>`)
}
