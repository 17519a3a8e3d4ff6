import type { CommentModel } from '../../src/site/comments.ts'
import type { Strings } from '../../src/site/index.ts'

/** Keeps the reader's line breaks; everything else stays text (escaped by the JSX runtime). */
function Message({ text }: { text: string }) {
  const lines = text.split(/\r?\n/)
  return (
    <p class="comment__message">
      {lines.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </p>
  )
}

/** One comment and, nested under it, its replies. */
function Comment({ comment, strings }: { comment: CommentModel; strings: Strings }) {
  return (
    <li class="comment" id={`binh-luan-${comment.id}`}>
      <article>
        <p class="comment__meta">
          <strong class="comment__name">{comment.name}</strong> - <time datetime={comment.date.iso}>{comment.date.text}</time>
        </p>
        <Message text={comment.message} />
        <a class="comment__reply" href="#gui-binh-luan" data-reply-to={comment.id}>
          {strings.reply}
        </a>
      </article>
      {comment.replies.length > 0 ? (
        <ol class="comment-thread comment-thread--replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} strings={strings} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** Approved comments as a thread, oldest first. */
export function CommentThread({ thread, strings }: { thread: CommentModel[]; strings: Strings }) {
  if (thread.length === 0) return null
  return (
    <ol class="comment-thread">
      {thread.map((comment) => (
        <Comment key={comment.id} comment={comment} strings={strings} />
      ))}
    </ol>
  )
}
