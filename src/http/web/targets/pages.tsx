import type { Hono } from 'hono';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import { notFound } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import { createTargetSet, saveTarget } from '../../../domain/targets/commands.ts';
import {
  funderOrganisations,
  listTargetSets,
  type Target,
  type TargetSet,
  targetHistory,
  targetSetById,
} from '../../../domain/targets/queries.ts';
import { DIRECTIONS, TARGET_METRICS, targetInput, targetSetInput } from '../../../domain/targets/schemas.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { type ResultsMessages, resultsMessages } from '../performance/messages.ts';
import { num } from '../performance/results-views.tsx';
import { onPage } from '../routes.ts';

const actorOf = (c: AppContext, user: CurrentUser) => ({
  userId: user.userId,
  label: user.email,
  requestId: c.get('requestId'),
});

/** Organisations the user may create a target set for: own funder organisations; all funders for admins. */
async function ownableFunders(c: AppContext, user: CurrentUser) {
  const all = await funderOrganisations(c.get('deps').db);
  return all.filter((f) => can(user, 'targets.manage', { organisationId: f.id }));
}

function SetForm({
  t,
  lang,
  csrf,
  funders,
  values,
  errors,
}: {
  t: ResultsMessages;
  lang: Lang;
  csrf: string;
  funders: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  return (
    <form method="post" action={href('targets', lang)} novalidate>
      <CsrfField token={csrf} />
      <SelectField
        name="funderId"
        label={t.manage.funder}
        value={values.funderId}
        error={errors.funderId}
        options={funders.map((f) => ({ value: f.id, label: f.name }))}
      />
      <TextField name="nameDa" label={t.manage.nameDa} value={values.nameDa} error={errors.nameDa} />
      <TextField name="nameEn" label={t.manage.nameEn} value={values.nameEn} error={errors.nameEn} />
      <TextField
        name="periodFrom"
        label={t.manage.periodFrom}
        value={values.periodFrom}
        error={errors.periodFrom}
      />
      <TextField name="periodTo" label={t.manage.periodTo} value={values.periodTo} error={errors.periodTo} />
      <button type="submit" class="button button-primary">
        {t.manage.create}
      </button>
    </form>
  );
}

function TargetForm({
  t,
  lang,
  csrf,
  set,
  values,
  errors,
  submit,
  fixedCode,
}: {
  t: ResultsMessages;
  lang: Lang;
  csrf: string;
  set: TargetSet;
  values: Record<string, string>;
  errors: FieldErrors;
  submit: string;
  fixedCode?: boolean;
}) {
  const rt = resultsMessages(lang);
  return (
    <form method="post" action={pageHref('targetSet', lang, { id: set.id })} novalidate>
      <CsrfField token={csrf} />
      {fixedCode ? (
        <input type="hidden" name="code" value={values.code} />
      ) : (
        <TextField
          name="code"
          label={t.manage.code}
          hint={t.manage.codeHint}
          value={values.code}
          error={errors.code}
        />
      )}
      <SelectField
        name="metric"
        label={t.manage.metric}
        value={values.metric}
        error={errors.metric}
        options={TARGET_METRICS.map((m) => ({ value: m, label: rt.keys[m] }))}
      />
      <TextField name="labelDa" label={t.manage.labelDa} value={values.labelDa} error={errors.labelDa} />
      <TextField name="labelEn" label={t.manage.labelEn} value={values.labelEn} error={errors.labelEn} />
      <SelectField
        name="direction"
        label={t.manage.direction}
        value={values.direction}
        error={errors.direction}
        options={DIRECTIONS.map((d) => ({ value: d, label: t.targets.directions[d] }))}
      />
      <TextField
        name="baselineYear"
        label={t.manage.baselineYear}
        value={values.baselineYear}
        error={errors.baselineYear}
      />
      <TextField
        name="baselineValue"
        label={t.manage.baselineValue}
        value={values.baselineValue}
        error={errors.baselineValue}
      />
      <TextField
        name="targetValue"
        label={t.manage.targetValue}
        value={values.targetValue}
        error={errors.targetValue}
      />
      <TextField name="note" label={t.manage.note} value={values.note} error={errors.note} />
      <button type="submit" class="button button-primary">
        {submit}
      </button>
    </form>
  );
}

const fieldsOf = (x: Target): Record<string, string> => ({
  code: x.code,
  metric: x.metric,
  labelDa: x.labelDa,
  labelEn: x.labelEn,
  direction: x.direction,
  baselineYear: x.baselineYear === null ? '' : String(x.baselineYear),
  baselineValue: x.baselineValue === null ? '' : String(x.baselineValue),
  targetValue: x.targetValue === null ? '' : String(x.targetValue),
  note: x.note,
});

function History({ t, lang, rows }: { t: ResultsMessages; lang: Lang; rows: Target[] }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact results-history">
        <caption>{t.manage.history}</caption>
        <thead>
          <tr>
            <th scope="col">{t.manage.code}</th>
            <th scope="col">{t.manage.version}</th>
            <th scope="col">{t.targets.baseline}</th>
            <th scope="col">{t.targets.goal}</th>
            <th scope="col">{t.manage.savedAt}</th>
            <th scope="col">{t.manage.supersededAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.code}</th>
              <td class="results-number">{r.version}</td>
              <td class="results-number">{r.baselineValue === null ? '–' : num(r.baselineValue, lang)}</td>
              <td class="results-number">
                {r.targetValue === null
                  ? t.targets.noNumber
                  : `${t.targets.directions[r.direction]} ${num(r.targetValue, lang)}`}
              </td>
              <td>{formatDateTime(r.createdAt, lang)}</td>
              <td>{r.supersededAt ? formatDateTime(r.supersededAt, lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Page-specific validation texts by message key. */
const formTexts = (t: ResultsMessages): Record<string, string> => ({
  targetRequired: t.manage.targetRequired,
  baselinePair: t.manage.baselinePair,
  periodOrder: t.manage.periodOrder,
});

async function setFor(c: AppContext) {
  const set = await targetSetById(c.get('deps').db, c.req.param('id') ?? '');
  if (!set) throw notFound('target set');
  const user = authorize(c.get('user'), 'targets.manage', { organisationId: set.funderId });
  return { set, user };
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
        <History t={t} lang={lang} rows={history} />
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

export function registerTargetPages(app: Hono<AppEnv>): void {
  const listPage = async (
    c: AppContext,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 422 = 200,
  ) => {
    const user = c.get('user');
    const funders = user ? await ownableFunders(c, user) : [];
    if (!user || funders.length === 0) authorize(user, 'targets.manage', { organisationId: '' });
    const sets = await listTargetSets(c.get('deps').db);
    const t = resultsMessages(c.get('lang'));
    return renderPage(
      c,
      t.manage.title,
      ({ lang, csrfToken, m }) => (
        <>
          <h1>{t.manage.title}</h1>
          <p class="font-lead">{t.manage.lead}</p>
          {c.req.query('oprettet') === '1' && <Alert variant="success">{t.manage.created}</Alert>}
          <ErrorSummary m={m} errors={errors} />
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption>{t.manage.sets}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.manage.sets}</th>
                  <th scope="col">{t.manage.owner}</th>
                  <th scope="col">{t.manage.period}</th>
                </tr>
              </thead>
              <tbody>
                {sets.map((s) => (
                  <tr>
                    <th scope="row">
                      {can(user, 'targets.manage', { organisationId: s.funderId }) ? (
                        <a href={pageHref('targetSet', lang, { id: s.id })}>
                          {lang === 'da' ? s.nameDa : s.nameEn}
                        </a>
                      ) : lang === 'da' ? (
                        s.nameDa
                      ) : (
                        s.nameEn
                      )}
                    </th>
                    <td>{s.funderName}</td>
                    <td>
                      {s.periodFrom}-{s.periodTo}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t.manage.newSet}</h2>
          <SetForm t={t} lang={lang} csrf={csrfToken} funders={funders} values={values} errors={errors} />
        </>
      ),
      status,
    );
  };

  onPage(app, 'GET', 'targets', (c) => listPage(c, {}, {}));

  onPage(app, 'POST', 'targets', async (c) => {
    const values = formFields(await c.req.parseBody());
    const user = authorize(c.get('user'), 'targets.manage', { organisationId: values.funderId ?? '' });
    const parsed = targetSetInput.safeParse(values);
    const t = resultsMessages(c.get('lang'));
    if (!parsed.success)
      return listPage(c, values, toFieldErrors(parsed.error.issues, c.get('m'), formTexts(t)), 422);
    const id = await createTargetSet(c.get('deps').db, actorOf(c, user), values.funderId ?? '', parsed.data);
    return c.redirect(pageHref('targetSet', c.get('lang'), { id }), 303);
  });

  onPage(app, 'GET', 'targetSet', async (c) => {
    const { set } = await setFor(c);
    const t = resultsMessages(c.get('lang'));
    const saved = c.req.query('gemt');
    const target = set.targets.find((x) => x.code === saved);
    return renderSet(c, set, target ? { saved: t.manage.saved(target.code, target.version) } : {});
  });

  onPage(app, 'POST', 'targetSet', async (c) => {
    const { set, user } = await setFor(c);
    const values = formFields(await c.req.parseBody());
    const parsed = targetInput.safeParse(values);
    const t = resultsMessages(c.get('lang'));
    if (!parsed.success)
      return renderSet(c, set, {
        values,
        errors: toFieldErrors(parsed.error.issues, c.get('m'), formTexts(t)),
      });
    await saveTarget(c.get('deps').db, actorOf(c, user), set.id, parsed.data);
    return c.redirect(pageHref('targetSet', c.get('lang'), { id: set.id }, { gemt: parsed.data.code }), 303);
  });

  onPage(app, 'GET', 'targetEdit', async (c) => {
    const { set } = await setFor(c);
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
