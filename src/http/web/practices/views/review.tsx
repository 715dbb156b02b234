import type { PracticeCase, PracticeSummary } from '../../../../domain/practices/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { ErrorSummary, type PostedForm, TextAreaField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { PracticeMessages } from '../messages.ts';
import { CaseListItem } from './case.tsx';

type Shared = { lang: Lang; t: PracticeMessages };

/** The support function's tools on a case's page: edit; for a proposal, publish or reject with a reason. */
export function ReviewActions(
  p: Shared & { item: PracticeCase; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { item, lang, t } = p;
  const slug = { slug: item.slug };
  return (
    <section class="mt-8">
      <p>
        <a class="button button-secondary" href={pageHref('practiceEdit', lang, slug)}>
          {t.edit}
        </a>
      </p>
      {item.status === 'proposed' && (
        <>
          <form method="post" action={pageHref('practicePublish', lang, slug)}>
            <CsrfField token={p.csrfToken} />
            <button type="submit" class="button button-primary">
              {t.publish}
            </button>
          </form>
          <h2 class="mt-7">{t.reject}</h2>
          <ErrorSummary m={p.m} errors={p.form.errors} />
          <form method="post" action={pageHref('practiceReject', lang, slug)} novalidate>
            <CsrfField token={p.csrfToken} />
            <TextAreaField
              name="reason"
              label={t.reason}
              value={typeof p.form.values.reason === 'string' ? p.form.values.reason : ''}
              rows={3}
              error={p.form.errors.reason}
            />
            <button type="submit" class="button button-secondary">
              {t.reject}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** The review queue: proposals oldest first, then the last ones handled. */
export function ReviewQueueView(p: Shared & { proposed: PracticeSummary[]; reviewed: PracticeSummary[] }) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.queueTitle}</h1>
      <p class="font-lead">{t.queueLead}</p>
      <p>
        <a href={href('practices', lang)}>{t.allCases}</a>
      </p>
      <h2>{t.waiting}</h2>
      {p.proposed.length === 0 ? (
        <p>{t.noneWaiting}</p>
      ) : (
        <ul class="nobullet-list">
          {p.proposed.map((item) => (
            <CaseListItem item={item} lang={lang} t={t} />
          ))}
        </ul>
      )}
      {p.reviewed.length > 0 && (
        <>
          <h2 class="mt-7">{t.recentlyReviewed}</h2>
          <ul class="nobullet-list">
            {p.reviewed.map((item) => (
              <CaseListItem item={item} lang={lang} t={t} showStatus />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
