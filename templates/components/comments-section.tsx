import type { ArticleModel } from '../../src/site/index.ts'
import type { PageContext } from '../context.ts'
import { CommentForm } from './comment-form.tsx'
import { CommentThread } from './comment-thread.tsx'

/**
 * "N bình luận": the approved thread and the form. The notice with id `binh-luan` is where a
 * plain form post comes back to (`?binh-luan=da-gui#binh-luan`); CSS shows it as the target.
 */
export function CommentsSection({ article, context }: { article: ArticleModel; context: PageContext }) {
  const { strings, site } = context
  const endpoint = site.commentEndpoint
  const form = article.comments && endpoint !== undefined
  if (!form && article.commentCount === 0) return null
  const clientStrings = {
    sent: strings.commentSent,
    failed: strings.commentFailed,
    timeout: strings.commentTimeout,
    required: strings.commentRequired,
    tooLong: strings.commentTooLong,
    noDiacritics: strings.commentNoDiacritics,
    sending: strings.commentSending,
    replyingTo: strings.replyingTo,
  }
  return (
    <section class="comments" aria-labelledby="binh-luan-tieu-de" data-comments="" data-strings={JSON.stringify(clientStrings)}>
      <h2 id="binh-luan-tieu-de">
        {article.commentCount} {strings.comments}
      </h2>
      <p id="binh-luan" class="comment-notice" hidden>
        {strings.commentSent}
      </p>
      <CommentThread thread={article.commentThread} strings={strings} />
      {form ? (
        <CommentForm endpoint={endpoint} articleId={article.id} articleUrl={`${site.baseUrl}${article.url}`} strings={strings} />
      ) : (
        <p class="comments__off">{strings.commentsOff}</p>
      )}
    </section>
  )
}
