import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  acceptAgreement,
  agreementPdf,
  clusterGrants,
  grantReference,
  issueAgreement,
  sendAgreement,
} from '../../../domain/grants/agreements.ts';
import { grantFacts } from '../../../domain/grants/grant-facts.ts';
import { paymentPlanOf } from '../../../domain/grants/payments.ts';
import { agreementForm } from '../../../domain/grants/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { idOfPage } from '../calls/shared.tsx';
import { onPage } from '../routes.ts';
import { agreementMessages } from './agreement.messages.ts';
import { AgreementDownload, AgreementForms, AgreementState, GrantFactsList } from './views/agreement.tsx';
import { AcceptForm, AcceptLink, ClusterGrantTable } from './views/agreement-workspace.tsx';
import { PaymentPlanForm, PaymentPlanTable } from './views/payment-plan.tsx';

/** What a form posted and its problems, to show the grant page again with them. */
export type GrantForm = { values: Record<string, string>; errors: FieldErrors; status: 409 | 422 };

/** The outcomes a grant page confirms after a redirect (`?done=`). */
const DONE = ['issued', 'sent', 'planSaved', 'paymentSaved', 'accepted'] as const;
function doneAlert(c: AppContext, text: Record<(typeof DONE)[number], string>) {
  const done = DONE.find((d) => d === c.req.query('done'));
  return done && <Alert variant="success">{text[done]}</Alert>;
}

/**
 * The funder side's page of one grant: its facts, the agreement (draw up, send, download) and
 * the payment plan (instalments, payments, the plan's form while it may change).
 */
export async function grantPage(c: AppContext, form?: GrantForm) {
  const t = agreementMessages(c.get('lang'));
  const { db } = c.get('deps');
  const g = await grantFacts(db, callerOf(c), idOfPage(c, 'grant'), { side: 'funder' });
  const plan = await paymentPlanOf(db, g);
  const title = t.grantTitle(g.clusterName, g.year);
  const posted = form ?? { values: {}, errors: {} };
  return renderPage(
    c,
    title,
    (ch) => {
      const v = { ch, t };
      return (
        <>
          <p>
            <a href={href('grants', ch.lang)}>{t.backToGrants}</a>
          </p>
          <ErrorSummary m={ch.m} errors={posted.errors} />
          <h1>{title}</h1>
          <p class="font-lead">{t.grantLead}</p>
          {doneAlert(c, t)}
          <GrantFactsList v={v} g={g} reference={grantReference(g)} />
          <h2>{t.agreement}</h2>
          <AgreementState v={v} g={g} />
          <AgreementDownload v={v} g={g} page="grantAgreementPdf" />
          <AgreementForms v={v} g={g} values={posted.values} errors={posted.errors} />
          <h2>{t.paymentPlan}</h2>
          <PaymentPlanTable v={v} g={g} plan={plan} form={posted} />
          {g.may.planPayments && <PaymentPlanForm v={v} g={g} plan={plan} form={posted} />}
        </>
      );
    },
    form?.status ?? 200,
  );
}

/** Shows the grant page again with a domain refusal's field errors (validation 422, conflict 409). */
export async function withGrantErrors(
  c: AppContext,
  work: () => Promise<unknown>,
  values: Record<string, string>,
) {
  const t = agreementMessages(c.get('lang'));
  try {
    await work();
    return null;
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'validation' && e.code !== 'conflict')) throw e;
    const errors = toFieldErrors(e.issues, c.get('m'), t.errors, { conditions: t.conditions });
    return grantPage(c, { values, errors, status: e.code === 'conflict' ? 409 : 422 });
  }
}

const backToGrant = (c: AppContext, done: (typeof DONE)[number]) =>
  c.redirect(pageHref('grant', c.get('lang'), { id: idOfPage(c, 'grant') }, { done }), 303);

async function issue(c: AppContext) {
  const { db, clock } = c.get('deps');
  const values = formFields(await c.req.parseBody());
  const parsed = agreementForm.safeParse(values);
  if (!parsed.success) {
    const t = agreementMessages(c.get('lang'));
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors, { conditions: t.conditions });
    return grantPage(c, { values, errors, status: 422 });
  }
  const refused = await withGrantErrors(
    c,
    () => issueAgreement(db, callerOf(c), idOfPage(c, 'grant'), parsed.data, clock()),
    values,
  );
  return refused ?? backToGrant(c, 'issued');
}

async function send(c: AppContext) {
  const { db, clock } = c.get('deps');
  const refused = await withGrantErrors(
    c,
    () => sendAgreement(db, callerOf(c), idOfPage(c, 'grant'), clock()),
    {},
  );
  return refused ?? backToGrant(c, 'sent');
}

/** The agreement's PDF, for those who may read it (the funder side, the cluster once sent). */
async function pdf(c: AppContext) {
  const { db, clock } = c.get('deps');
  const { pdf, reference } = await agreementPdf(db, callerOf(c), idOfPage(c, 'grant'), clock());
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="bevillingsaftale-${reference}.pdf"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

async function workspaceGrantsPage(c: AppContext) {
  const t = agreementMessages(c.get('lang'));
  const grants = await clusterGrants(c.get('deps').db, callerOf(c));
  return renderPage(c, t.workspaceTitle, (ch) => (
    <>
      <h1>{t.workspaceTitle}</h1>
      <p class="font-lead">{t.workspaceLead}</p>
      <ClusterGrantTable v={{ ch, t }} grants={grants} />
    </>
  ));
}

/** The cluster's page of one grant, or its confirmation before accepting the agreement. */
async function workspaceGrantPage(
  c: AppContext,
  page: Extract<PageKey, 'workspaceGrant' | 'workspaceGrantAccept'>,
) {
  const t = agreementMessages(c.get('lang'));
  const { db } = c.get('deps');
  const g = await grantFacts(db, callerOf(c), idOfPage(c, 'grant'), { side: 'cluster' });
  const plan = await paymentPlanOf(db, g);
  const confirming = page === 'workspaceGrantAccept' && g.may.accept;
  const title = confirming ? t.acceptTitle : t.grantTitle(g.clusterName, g.year);
  return renderPage(c, title, (ch) => {
    const v = { ch, t };
    return (
      <>
        <p>
          <a href={href('workspaceGrants', ch.lang)}>{t.backToGrants}</a>
        </p>
        <h1>{title}</h1>
        {confirming && <p class="font-lead">{t.acceptLead}</p>}
        {doneAlert(c, t)}
        <GrantFactsList v={v} g={g} reference={grantReference(g)} />
        <h2>{t.agreement}</h2>
        {g.may.readAgreement ? <AgreementState v={v} g={g} /> : <p>{t.notSentYet}</p>}
        <AgreementDownload v={v} g={g} page="workspaceGrantPdf" />
        {confirming ? <AcceptForm v={v} g={g} /> : <AcceptLink v={v} g={g} />}
        {!confirming && (
          <>
            <h2>{t.paymentPlan}</h2>
            <PaymentPlanTable v={v} g={g} plan={plan} form={{ values: {}, errors: {} }} />
          </>
        )}
      </>
    );
  });
}

async function accept(c: AppContext) {
  const { db, clock } = c.get('deps');
  const id = idOfPage(c, 'grant');
  await acceptAgreement(db, callerOf(c), id, clock());
  return c.redirect(pageHref('workspaceGrant', c.get('lang'), { id }, { done: 'accepted' }), 303);
}

/** A grant's agreement: the funder's page and forms, the cluster's list, page, acceptance and PDF. */
export function registerAgreementPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grant', (c) => grantPage(c));
  onPage(app, 'POST', 'grantAgreement', issue);
  onPage(app, 'POST', 'grantAgreementSend', send);
  onPage(app, 'GET', 'grantAgreementPdf', pdf);
  onPage(app, 'GET', 'workspaceGrants', workspaceGrantsPage);
  onPage(app, 'GET', 'workspaceGrant', (c) => workspaceGrantPage(c, 'workspaceGrant'));
  onPage(app, 'GET', 'workspaceGrantAccept', (c) => workspaceGrantPage(c, 'workspaceGrantAccept'));
  onPage(app, 'POST', 'workspaceGrantAccept', accept);
  onPage(app, 'GET', 'workspaceGrantPdf', pdf);
}
