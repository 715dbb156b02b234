/**
 * Keeping targets (pejlemærker): the sets, a set with its targets and their history, a target's
 * new version. The domain decides who keeps which set (`targetSetsForManager`,
 * `managedTargetSet`) and its commands check it again; the handlers parse the forms.
 */
import type { Hono } from 'hono';
import { AppError, notFound } from '../../../domain/errors.ts';
import { createTargetSet, saveTarget } from '../../../domain/targets/commands.ts';
import {
  managedTargetSet,
  type TargetSet,
  targetHistory,
  targetSetsForManager,
} from '../../../domain/targets/queries.ts';
import { targetInput, targetSetInput } from '../../../domain/targets/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { type ResultsMessages, resultsMessages } from '../performance/messages.ts';
import { onPage } from '../routes.ts';
import { SetListView } from './views/set-list.tsx';
import { fieldsOf, TargetForm } from './views/target-forms.tsx';
import { TargetHistory } from './views/target-history.tsx';

/** Page-specific validation texts by message key. */
const formTexts = (t: ResultsMessages): Record<string, string> => ({
  targetRequired: t.manage.targetRequired,
  baselinePair: t.manage.baselinePair,
  periodOrder: t.manage.periodOrder,
});

/** The fields of the target forms, for errors naming them. */
const formLabels = ({ manage: l }: ResultsMessages) => ({
  nameDa: l.nameDa,
  nameEn: l.nameEn,
  periodFrom: l.periodFrom,
  periodTo: l.periodTo,
  funderId: l.funder,
  code: l.code,
  metric: l.metric,
  labelDa: l.labelDa,
  labelEn: l.labelEn,
  direction: l.direction,
  baselineYear: l.baselineYear,
  baselineValue: l.baselineValue,
  targetValue: l.targetValue,
  note: l.note,
});

async function listPage(
  c: AppContext,
  values: Record<string, string>,
  errors: FieldErrors,
  status: 200 | 422 = 200,
) {
  const list = await targetSetsForManager(c.get('deps').db, callerOf(c));
  const t = resultsMessages(c.get('lang'));
  return renderPage(
    c,
    t.manage.title,
    ({ lang, csrfToken, m }) => (
      <SetListView
        list={list}
        t={t}
        m={m}
        lang={lang}
        csrf={csrfToken}
        created={c.req.query('oprettet') === '1'}
        values={values}
        errors={errors}
      />
    ),
    status,
  );
}

/** A new set; errors (also an owner that is not a funder) come back on the list at their fields. */
async function postSet(c: AppContext) {
  const values = formFields(await c.req.parseBody());
  const t = resultsMessages(c.get('lang'));
  const parsed = targetSetInput.safeParse(values);
  if (!parsed.success)
    return listPage(
      c,
      values,
      toFieldErrors(parsed.error.issues, c.get('m'), formTexts(t), formLabels(t)),
      422,
    );
  try {
    const id = await createTargetSet(c.get('deps').db, callerOf(c), values.funderId ?? '', parsed.data);
    return c.redirect(pageHref('targetSet', c.get('lang'), { id }), 303);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation') throw err;
    return listPage(c, values, toFieldErrors(err.issues, c.get('m'), formTexts(t), formLabels(t)), 422);
  }
}

async function renderSet(
  c: AppContext,
  set: TargetSet,
  opts: { values?: Record<string, string>; errors?: FieldErrors; saved?: string } = {},
) {
  const t = resultsMessages(c.get('lang'));
  const history = await targetHistory(c.get('deps').db, set.id);
  const errors = opts.errors ?? {};
  const title = set.nameDa && c.get('lang') === 'da' ? set.nameDa : set.nameEn;
  return renderPage(
    c,
    title,
    ({ lang, csrfToken, m }) => (
      <>
        <h1>{title}</h1>
        <p>
          {t.manage.owner}: {set.funderName}. {t.manage.period}: {set.periodFrom}-{set.periodTo}.
        </p>
        {opts.saved && <Alert variant="success">{opts.saved}</Alert>}
        <ErrorSummary m={m} errors={errors} />
        <h2>{t.manage.current}</h2>
        <ul class="nobullet-list">
          {set.targets.map((x) => (
            <li>
              <a href={pageHref('targetEdit', lang, { id: set.id, code: x.code })}>
                {t.manage.edit} {x.code}
              </a>
              : {lang === 'da' ? x.labelDa : x.labelEn}
            </li>
          ))}
        </ul>
        <TargetHistory t={t} lang={lang} rows={history} />
        <h2>{t.manage.addTitle}</h2>
        <TargetForm
          t={t}
          lang={lang}
          csrf={csrfToken}
          set={set}
          values={opts.values ?? { direction: 'at_least' }}
          errors={errors}
          submit={t.manage.add}
        />
      </>
    ),
    Object.keys(errors).length ? 422 : 200,
  );
}

const setOf = (c: AppContext) => managedTargetSet(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');

export function registerTargetPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'targets', (c) => listPage(c, {}, {}));

  onPage(app, 'POST', 'targets', postSet);

  onPage(app, 'GET', 'targetSet', async (c) => {
    const set = await setOf(c);
    const t = resultsMessages(c.get('lang'));
    const saved = c.req.query('gemt');
    const target = set.targets.find((x) => x.code === saved);
    return renderSet(c, set, target ? { saved: t.manage.saved(target.code, target.version) } : {});
  });

  onPage(app, 'POST', 'targetSet', async (c) => {
    const set = await setOf(c);
    const values = formFields(await c.req.parseBody());
    const parsed = targetInput.safeParse(values);
    const t = resultsMessages(c.get('lang'));
    if (!parsed.success)
      return renderSet(c, set, {
        values,
        errors: toFieldErrors(parsed.error.issues, c.get('m'), formTexts(t), formLabels(t)),
      });
    await saveTarget(c.get('deps').db, callerOf(c), set.id, parsed.data);
    return c.redirect(pageHref('targetSet', c.get('lang'), { id: set.id }, { gemt: parsed.data.code }), 303);
  });

  onPage(app, 'GET', 'targetEdit', async (c) => {
    const set = await setOf(c);
    const target = set.targets.find((x) => x.code === c.req.param('code'));
    if (!target) throw notFound('target');
    const t = resultsMessages(c.get('lang'));
    const title = t.manage.editTitle(target.code);
    return renderPage(c, title, ({ lang, csrfToken }) => (
      <>
        <h1>{title}</h1>
        <p>
          <a href={pageHref('targetSet', lang, { id: set.id })}>{lang === 'da' ? set.nameDa : set.nameEn}</a>
        </p>
        <TargetForm
          t={t}
          lang={lang}
          csrf={csrfToken}
          set={set}
          values={fieldsOf(target)}
          errors={{}}
          submit={t.manage.save}
          fixedCode
        />
      </>
    ));
  });
}
