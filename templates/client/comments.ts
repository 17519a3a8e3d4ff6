import { checkComment, lacksDiacritics } from './comment-checks.ts'

/**
 * Enhances the comment form: posts with fetch (Accept: application/json) instead of leaving the
 * page, keeps the reader's text on any failure (and in localStorage until it is sent), checks the
 * fields, suggests typing with diacritics, and moves the form under a comment to reply to it.
 */

/** Words the script shows; they come from the site's dictionary through `data-strings`. */
interface CommentStrings {
  sent: string
  failed: string
  timeout: string
  required: string
  tooLong: string
  noDiacritics: string
  sending: string
  replyingTo: string
}

const form = document.querySelector<HTMLFormElement>('form[data-comment-form]')
if (form) enhance(form)

function enhance(form: HTMLFormElement): void {
  const section = form.closest<HTMLElement>('[data-comments]')
  const strings = JSON.parse(section?.dataset['strings'] ?? '{}') as CommentStrings
  const status = form.querySelector<HTMLElement>('[role="status"]')
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const message = form.elements.namedItem('fields[message]')
  const name = form.elements.namedItem('fields[name]')
  const replying = form.querySelector<HTMLElement>('.comment-form__replying')
  const home = form.parentElement
  const anchor = form.nextSibling
  if (!status || !button || !(message instanceof HTMLTextAreaElement) || !(name instanceof HTMLInputElement) || !replying || !home) return
  const draftKey = `toasoan:binh-luan:${form.dataset['commentForm'] ?? location.pathname}`
  const notice = document.getElementById('binh-luan')

  // Back from a plain POST: the endpoint sent the reader here with ?binh-luan=da-gui.
  if (new URLSearchParams(location.search).get('binh-luan') === 'da-gui' && notice) notice.hidden = false

  try {
    const draft = localStorage.getItem(draftKey)
    if (draft && !message.value) message.value = draft
  } catch {
    // Private browsing may forbid storage; the form still works.
  }
  message.addEventListener('input', () => {
    try {
      localStorage.setItem(draftKey, message.value)
    } catch {
      // Ignore: see above.
    }
  })

  const setParent = (id: string | undefined): void => {
    const existing = form.elements.namedItem('options[parent]')
    if (id === undefined) {
      if (existing instanceof HTMLInputElement) existing.remove()
      replying.hidden = true
      home.insertBefore(form, anchor)
      return
    }
    let field: HTMLInputElement
    if (existing instanceof HTMLInputElement) field = existing
    else {
      field = Object.assign(document.createElement('input'), { type: 'hidden', name: 'options[parent]' })
      form.prepend(field)
    }
    field.value = id
    const target = document.getElementById(`binh-luan-${id}`)
    const who = target?.querySelector('.comment__name')?.textContent ?? ''
    const label = replying.querySelector('[data-replying-to]')
    if (label) label.textContent = strings.replyingTo.replace('{name}', who)
    replying.hidden = false
    target?.querySelector('article')?.after(form)
    message.focus()
  }
  for (const link of document.querySelectorAll<HTMLElement>('[data-reply-to]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault()
      setParent(link.dataset['replyTo'])
    })
  }
  form.querySelector('.comment-form__cancel')?.addEventListener('click', () => setParent(undefined))

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const problem = checkComment({ name: name.value, message: message.value }, strings)
    if (problem) {
      status.textContent = problem
      return
    }
    const hint = lacksDiacritics(message.value) ? ` ${strings.noDiacritics}` : ''
    status.textContent = `${strings.sending}${hint}`
    button.disabled = true
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 15_000)
    const body = new URLSearchParams()
    for (const [key, value] of new FormData(form).entries()) if (typeof value === 'string') body.append(key, value)
    fetch(form.action, { method: 'POST', body, headers: { Accept: 'application/json' }, redirect: 'manual', signal: controller.signal })
      .then((response) => {
        if (!(response.ok || response.type === 'opaqueredirect')) throw new Error(String(response.status))
        status.textContent = `${strings.sent}${hint}`
        message.value = ''
        try {
          localStorage.removeItem(draftKey)
        } catch {
          // Ignore: see above.
        }
        setParent(undefined)
      })
      .catch((error: unknown) => {
        // The text stays in the form (and in localStorage) for another try.
        status.textContent = error instanceof DOMException && error.name === 'AbortError' ? strings.timeout : strings.failed
      })
      .finally(() => {
        clearTimeout(timer)
        button.disabled = false
      })
  })
}
