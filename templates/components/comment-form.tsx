import type { Strings } from '../../src/site/index.ts'
import { commentLimits } from '../client/comment-limits.ts'

/** Props of {@link CommentForm}. */
export interface CommentFormProps {
  /** Where comments are posted (Staticman, Formspree, Basin…). */
  endpoint: string
  /** The article's id, sent as `options[slug]`. */
  articleId: string
  /** Absolute URL of the article. */
  articleUrl: string
  strings: Strings
}

/**
 * The comment form: a plain POST that Staticman, Formspree and Basin all accept, so it works
 * without JavaScript (the endpoint redirects back with `?binh-luan=da-gui#binh-luan`, and the
 * notice with that id shows through `:target`). The script enhances it.
 */
export function CommentForm({ endpoint, articleId, articleUrl, strings }: CommentFormProps) {
  const back = `${articleUrl}?binh-luan=da-gui#binh-luan`
  return (
    <form id="gui-binh-luan" class="comment-form" method="post" action={endpoint} data-comment-form={articleId}>
      <h3 class="comment-form__title">{strings.writeComment}</h3>
      <p class="comment-form__replying" hidden>
        <span data-replying-to="" />{' '}
        <button type="button" class="comment-form__cancel">
          {strings.cancelReply}
        </button>
      </p>
      <input type="hidden" name="options[slug]" value={articleId} />
      <input type="hidden" name="options[redirect]" value={back} />
      <input type="hidden" name="_next" value={back} />
      <p class="comment-form__field">
        <label for="binh-luan-ten">{strings.commentName}</label>
        <input id="binh-luan-ten" name="fields[name]" required maxLength={commentLimits.name} autocomplete="name" />
      </p>
      <p class="comment-form__field">
        <label for="binh-luan-email">{strings.commentEmail}</label>
        <input id="binh-luan-email" name="fields[email]" type="email" autocomplete="email" />
      </p>
      <p class="comment-form__field">
        <label for="binh-luan-noi-dung">{strings.commentMessage}</label>
        <textarea id="binh-luan-noi-dung" name="fields[message]" required maxLength={commentLimits.message} rows={5} />
      </p>
      <p class="comment-form__trap" aria-hidden="true">
        <label>
          {strings.honeypot} <input name="_gotcha" tabIndex={-1} autocomplete="off" />
        </label>
      </p>
      <p class="comment-form__actions">
        <button type="submit">{strings.sendComment}</button>
      </p>
      <p class="comment-form__hint">{strings.moderationHint}</p>
      <p class="comment-form__status" role="status" aria-live="polite" />
    </form>
  )
}
