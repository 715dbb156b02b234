import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { clusterCoFinancing, funderPortfolio, fundersKeptBy } from '../../../domain/grants/queries.ts';
import { removeGrant, saveGrant } from '../../../domain/grants/register.ts';
import { grantForm, removeGrantForm } from '../../../domain/grants/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { grantImportMessages } from './import.messages.ts';
import { type GrantMessages, grantMessages } from './messages.ts';
import { CoFinancingView } from './views/co-financing.tsx';
import { backToGrants, FunderList, GrantForm, GrantTable, TotalsTable } from './views/portfolio.tsx';

type FormState = { values?: Record<string, string>; errors?: FieldErrors; status?: 200 | 409 | 422 };

const labels = (t: GrantMessages) => ({
  clusterId: t.cluster,
  year: t.year,
  amountDkk: t.amount,
  source: t.source,
  overrideReason: t.overrideReason,
});

async function fundersPage(c: AppContext) {
  const t = grantMessages(c.get('lang'));
  const funders = await fundersKeptBy(c.get('deps').db, callerOf(c));
  return renderPage(c, t.title, (ch) => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <FunderList v={{ ch, t }} funders={funders} />
    </>
  ));
}

async function portfolioPage(c: AppContext, form: FormState = {}) {
  const t = grantMessages(c.get('lang'));
  const portfolio = await funderPortfolio(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '');
  const saved = c.req.query('saved');
  const errors = form.errors ?? {};
  const title = t.portfolioTitle(portfolio.funder.name);
  return renderPage(
    c,
    title,
    (ch) => (
      <>
        {backToGrants(ch, t)}
        <h1>{title}</h1>
        <p class="font-lead">{t.portfolioLead}</p>
        {saved === 'saved' && <Alert variant="success">{t.saved}</Alert>}
        {saved === 'removed' && <Alert variant="success">{t.removed}</Alert>}
        {saved === 'imported' && <Alert variant="success">{grantImportMessages(ch.lang).imported}</Alert>}
        {portfolio.grants.length === 0 ? (
          <p>{t.noGrants}</p>
        ) : (
          <>
            <TotalsTable p={portfolio} lang={ch.lang} t={t} />
            <GrantTable v={{ ch, t }} p={portfolio} />
          </>
        )}
        <p>
          <a href={pageHref('grantsImport', ch.lang, { slug: portfolio.funder.slug })}>
            {grantImportMessages(ch.lang).link}
          </a>
        </p>
        <h2>{t.formHeading}</h2>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={ch.m} errors={errors} />
            <GrantForm v={{ ch, t }} portfolio={portfolio} values={form.values ?? {}} errors={errors} />
          </div>
        </div>
      </>
    ),
    form.status ?? 200,
  );
}

async function saveGrantFromForm(c: AppContext) {
  const t = grantMessages(c.get('lang'));
  const { db } = c.get('deps');
  const caller = callerOf(c);
  const slug = c.req.param('slug') ?? '';
  // The portfolio first: an unknown funder is a 404 and another funder's a 403, before any input.
  const { funder } = await funderPortfolio(db, caller, slug);
  const values = formFields(await c.req.parseBody());
  const parsed = grantForm.safeParse(values);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors, labels(t));
    return portfolioPage(c, { values, errors, status: 422 });
  }
  try {
    await saveGrant(db, caller, funder.id, parsed.data);
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'validation' && e.code !== 'conflict')) throw e;
    const errors = toFieldErrors(e.issues, c.get('m'), t.errors, labels(t));
    return portfolioPage(c, { values, errors, status: e.code === 'conflict' ? 409 : 422 });
  }
  return c.redirect(pageHref('grantsFunder', c.get('lang'), { slug }, { saved: 'saved' }), 303);
}

async function removeGrantFromForm(c: AppContext) {
  const { db } = c.get('deps');
  const caller = callerOf(c);
  const slug = c.req.param('slug') ?? '';
  const { funder } = await funderPortfolio(db, caller, slug);
  const parsed = removeGrantForm.safeParse(formFields(await c.req.parseBody()));
  if (!parsed.success) throw new AppError('not_found', 'no such grant');
  await removeGrant(db, caller, funder.id, parsed.data.grantId);
  return c.redirect(pageHref('grantsFunder', c.get('lang'), { slug }, { saved: 'removed' }), 303);
}

async function coFinancingPage(c: AppContext) {
  const t = grantMessages(c.get('lang'));
  const { cluster, years } = await clusterCoFinancing(
    c.get('deps').db,
    callerOf(c),
    c.req.param('slug') ?? '',
  );
  const title = t.coFinancingTitle(cluster.name);
  return renderPage(c, title, (ch) => (
    <>
      {backToGrants(ch, t)}
      <h1>{title}</h1>
      <p class="font-lead">{t.coFinancingLead}</p>
      <p>
        {t.league}: {t.leagues[cluster.league]}
      </p>
      <CoFinancingView years={years} lang={ch.lang} t={t} />
    </>
  ));
}

/** The grants register's pages: the funders kept, a cluster's co-financing, a funder's portfolio. */
export function registerGrantPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grants', fundersPage);
  onPage(app, 'GET', 'grantsCluster', coFinancingPage);
  onPage(app, 'GET', 'grantsFunder', (c) => portfolioPage(c));
  onPage(app, 'POST', 'grantsFunder', saveGrantFromForm);
  onPage(app, 'POST', 'grantsFunderRemove', removeGrantFromForm);
}
