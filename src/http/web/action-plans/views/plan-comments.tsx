import type { PlanComment } from '../../../../domain/action-plans/comments.ts';
import { PLAN_SECTIONS } from '../../../../domain/action-plans/comments.ts';
import { COMMENT_MAX } from '../../../../domain/action-plans/plan-input.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { describedBy, type FieldErrors, FieldShell, SelectField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { PlanCommentMessages } from '../comments.messages.ts';

/** A comment as typed, with the errors to show beside its fields. */
export interface CommentFormState {
  values: { section: string; body: string };
  errors: FieldErrors;
}

function CommentItem(p: {
  comment: PlanComment;
  n: number;
  t: PlanCommentMessages;
  lang: Lang;
  /** Where the cluster posts "handled", when the caller may mark it. */
  handledAction: string | undefined;
  csrf: string;
}) {
  const { comment, t } = p;
  return (
    <li>
      <p class="mb-2">
        <strong>
          {t.about}: {comment.section ? t.section[comment.section] : t.wholePlan}
        </strong>{' '}
        <span class={comment.handledAt ? 'badge badge-success' : 'badge badge-warning'}>
          {comment.handledAt ? t.handled : t.waiting}
        </span>
      </p>
      <p class="mt-0 mb-2 action-plan-comment">{comment.body}</p>
      <p class="form-hint mt-0">
        {formatDateTime(comment.createdAt, p.lang)} {t.by} {comment.authorName}
      </p>
      {p.handledAction && !comment.handledAt && (
        <form method="post" action={p.handledAction}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-secondary" aria-label={t.markHandledLabel(p.n)}>
            {t.markHandled}
          </button>
        </form>
      )}
    </li>
  );
}

function CommentForm(p: { t: PlanCommentMessages; action: string; csrf: string; state: CommentFormState }) {
  const { t, state } = p;
  const body = { name: 'body', label: t.bodyLabel, hint: t.bodyHint, error: state.errors.body };
  return (
    <form method="post" action={p.action} novalidate>
      <h3>{t.formHeading}</h3>
      <CsrfField token={p.csrf} />
      <SelectField
        name="section"
        label={t.sectionLabel}
        error={state.errors.section}
        value={state.values.section}
        options={[
          { value: '', label: t.wholePlan },
          ...PLAN_SECTIONS.map((s) => ({ value: s, label: t.section[s] })),
        ]}
      />
      <FieldShell {...body}>
        <textarea
          class="form-input"
          id="body"
          name="body"
          rows={4}
          maxlength={COMMENT_MAX}
          aria-invalid={state.errors.body ? 'true' : undefined}
          aria-describedby={describedBy(body)}
        >
          {state.values.body}
        </textarea>
      </FieldShell>
      <button type="submit" class="button button-primary">
        {t.send}
      </button>
    </form>
  );
}

/**
 * The sparring on a plan: the comments, each with "mark handled" for the cluster, and the
 * support function's form for a new one.
 */
export function PlanComments(p: {
  comments: PlanComment[];
  t: PlanCommentMessages;
  lang: Lang;
  csrf: string;
  /** The path to post "handled" for a comment, when the caller may mark comments handled. */
  handledAction: ((id: string) => string) | undefined;
  /** Where to post a new comment, when the caller may comment. */
  commentAction: string | undefined;
  state: CommentFormState;
}) {
  const { t } = p;
  return (
    <section aria-labelledby="comments-heading" id="sparring">
      <h2 id="comments-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {p.comments.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol>
          {p.comments.map((comment, i) => (
            <CommentItem
              comment={comment}
              n={i + 1}
              t={t}
              lang={p.lang}
              csrf={p.csrf}
              handledAction={p.handledAction?.(comment.id)}
            />
          ))}
        </ol>
      )}
      {p.commentAction && <CommentForm t={t} action={p.commentAction} csrf={p.csrf} state={p.state} />}
    </section>
  );
}
