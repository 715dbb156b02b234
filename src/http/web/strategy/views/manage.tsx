/** The forms of whom keeps the strategy: change status, add a milestone, link an activity (by id or search). */
import type { InitiativePage } from '../../../../domain/strategy/queries.ts';
import { INITIATIVE_STATUSES } from '../../../../domain/strategy/schemas.ts';
import { formatDate } from '../../../i18n/index.ts';
import { pageHref } from '../../../paths.ts';
import { DateInput, datePartsOf, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { PageContext } from './initiative.tsx';

function ActivitySearch({
  page,
  p,
  q,
  code,
}: {
  page: InitiativePage;
  p: PageContext;
  q: string;
  code: string;
}) {
  const { t, lang } = p;
  return (
    <>
      <form method="get" action={pageHref('initiative', lang, { code })}>
        <TextField name="q" type="search" label={t.searchField} value={q} />
        <button type="submit" class="button button-secondary">
          {t.search}
        </button>
      </form>
      {q && (
        <>
          <h4>{t.searchResults}</h4>
          {page.found.length === 0 ? (
            <p>{t.noSearchResults}</p>
          ) : (
            <ul class="nobullet-list">
              {page.found.map((a) => (
                <li>
                  <form method="post" action={pageHref('initiativeLinks', lang, { code })}>
                    <CsrfField token={p.csrf} />
                    <input type="hidden" name="activityId" value={String(a.id)} />
                    {a.title} ({a.clusterName}, {formatDate(a.startDate, lang)}, id {a.id}){' '}
                    <button type="submit" class="button button-tertiary">
                      {t.linkThis(a.title)}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

export function ManageSection({ page, p, q }: { page: InitiativePage; p: PageContext; q: string }) {
  const { t, lang, values, errors } = p;
  const code = page.initiative.code.toLowerCase();
  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t.manageHeading}</h2>
      <h3>{t.changeStatus}</h3>
      <form method="post" action={pageHref('initiativeStatus', lang, { code })} novalidate>
        <CsrfField token={p.csrf} />
        <SelectField
          name="status"
          label={t.newStatus}
          value={values.status ?? page.initiative.status}
          error={errors.status}
          options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
        />
        <TextField name="note" label={t.statusNote} value={values.note} error={errors.note} />
        <button type="submit" class="button button-primary">
          {t.saveStatus}
        </button>
      </form>
      <h3>{t.addMilestone}</h3>
      <form method="post" action={pageHref('initiativeMilestones', lang, { code })} novalidate>
        <CsrfField token={p.csrf} />
        <TextField name="title" label={t.milestoneTitleField} value={values.title} error={errors.title} />
        <DateInput
          name="dueOn"
          legend={t.dueOnField}
          m={p.m}
          value={datePartsOf(values, 'dueOn')}
          error={errors.dueOn}
        />
        <button type="submit" class="button button-primary">
          {t.addMilestone}
        </button>
      </form>
      <h3>{t.linkActivity}</h3>
      <form method="post" action={pageHref('initiativeLinks', lang, { code })} novalidate>
        <CsrfField token={p.csrf} />
        <TextField
          name="activityId"
          label={t.activityIdField}
          hint={t.activityIdHint}
          value={values.activityId}
          error={errors.activityId}
        />
        <button type="submit" class="button button-primary">
          {t.link}
        </button>
      </form>
      <ActivitySearch page={page} p={p} q={q} code={code} />
    </section>
  );
}
