import type { CommentView, FundingPlanDetail } from '../../../../domain/coordination/funding-plan-queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  ErrorSummary,
  type FieldErrors,
  formText,
  type PostedForm,
  TextAreaField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { type CoordinationMessages, dkk, themeText } from '../messages.ts';
import { regionsText, statusText } from './funding-plan-list.tsx';

type Shared = { lang: Lang; t: CoordinationMessages };

function Facts({ detail, now, lang, t }: Shared & { detail: FundingPlanDetail; now: Date }) {
  const { plan } = detail;
  const tp = t.fundingPlans;
  return (
    <dl class="summary-list">
      <dt>{tp.owner}</dt>
      <dd>{plan.funderName}</dd>
      <dt>{tp.status}</dt>
      <dd>{statusText(plan, now, t)}</dd>
      <dt>{tp.theme}</dt>
      <dd>{themeText(plan.theme, lang)}</dd>
      <dt>{tp.regions}</dt>
      <dd>{regionsText(plan, lang)}</dd>
      <dt>{tp.budget}</dt>
      <dd>{dkk(plan.budgetDkk, lang, t)}</dd>
      <dt>{tp.decisionDate}</dt>
      <dd>{formatDate(plan.decisionDate, lang)}</dd>
      <dt>{tp.related}</dt>
      <dd>
        {plan.relatedClusters.length === 0
          ? t.none
          : plan.relatedClusters.map((cl, i) => (
              <>
                {i > 0 && ', '}
                <a href={pageHref('cluster', lang, { slug: cl.slug })}>{cl.name}</a>
              </>
            ))}
      </dd>
      {plan.outcomeNote && (
        <>
          <dt>{tp.outcomeNote}</dt>
          <dd>{plan.outcomeNote}</dd>
        </>
      )}
    </dl>
  );
}

function CommentList({ comments, lang, t }: Shared & { comments: CommentView[] }) {
  const tp = t.fundingPlans;
  if (comments.length === 0) return <p>{tp.noComments}</p>;
  return (
    <ul class="nobullet-list">
      {comments.map((cm) => (
        <li>
          <p>
            <strong>{tp.by(cm.authorName, cm.funderName)}</strong> ({formatDateTime(cm.createdAt, lang)})
          </p>
          <p>{cm.body}</p>
        </li>
      ))}
    </ul>
  );
}

function CommentForm(p: Shared & { detail: FundingPlanDetail; form: PostedForm; csrfToken: string }) {
  const tp = p.t.fundingPlans;
  const { plan } = p.detail;
  return (
    <form method="post" action={pageHref('fundingPlan', p.lang, { id: plan.id })} novalidate>
      <CsrfField token={p.csrfToken} />
      <TextAreaField
        rows={5}
        name="body"
        label={tp.commentLabel}
        hint={tp.commentHint(formatDate(plan.decisionDate, p.lang))}
        value={formText(p.form.values.body)}
        error={p.form.errors.body}
      />
      <button type="submit" class="button button-primary">
        {tp.commentSubmit}
      </button>
    </form>
  );
}

function CloseForm(p: Shared & { planId: string; form: PostedForm; csrfToken: string }) {
  const tp = p.t.fundingPlans;
  const errors: FieldErrors = p.form.errors;
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{tp.closeHeading}</h2>
      <form method="post" action={pageHref('fundingPlanClose', p.lang, { id: p.planId })} novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset class={errors.outcome ? 'form-group form-error' : 'form-group'} id="outcome">
          <legend class="form-label">{tp.outcome}</legend>
          {errors.outcome && <span class="form-error-message">{errors.outcome}</span>}
          {(['decided', 'abandoned'] as const).map((o) => (
            <div class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`outcome-${o}`}
                name="outcome"
                value={o}
                checked={formText(p.form.values.outcome) === o}
              />
              <label for={`outcome-${o}`}>{tp.outcomes[o]}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          rows={5}
          name="note"
          label={tp.closeNote}
          value={formText(p.form.values.note)}
          error={errors.note}
        />
        <button type="submit" class="button button-secondary">
          {tp.closeSubmit}
        </button>
      </form>
    </section>
  );
}

/** One funding plan: its facts, the other funders' comments, and the forms the caller may use. */
export function FundingPlanDetailView(
  p: Shared & {
    detail: FundingPlanDetail;
    form: PostedForm;
    notice: string | null;
    now: Date;
    csrfToken: string;
    m: Messages;
  },
) {
  const { detail, lang, t } = p;
  const tp = t.fundingPlans;
  return (
    <>
      <h1>{detail.plan.title}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <Facts detail={detail} now={p.now} lang={lang} t={t} />
      <h2>{tp.description}</h2>
      <p>{detail.plan.description}</p>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{tp.commentsHeading}</h2>
        <CommentList comments={detail.comments} lang={lang} t={t} />
        {detail.may.comment &&
          (detail.may.commentsOpen ? (
            <CommentForm detail={detail} form={p.form} csrfToken={p.csrfToken} lang={lang} t={t} />
          ) : (
            <p>{tp.commentsClosed}</p>
          ))}
      </section>
      {detail.may.close && (
        <CloseForm planId={detail.plan.id} form={p.form} csrfToken={p.csrfToken} lang={lang} t={t} />
      )}
      <p>
        <a href={href('fundingPlans', lang)}>{tp.back}</a>
      </p>
    </>
  );
}
