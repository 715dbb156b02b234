import { asc, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { applications, organisations } from '../../../db/schema/index.ts';
import { allocate, decideCall, moveCall } from '../../../domain/calls/commands.ts';
import { assessorProgress, budgetUse, rankedApplications } from '../../../domain/calls/queries.ts';
import { allocationInput } from '../../../domain/calls/schemas.ts';
import { CALL_TRANSITIONS, type CallStatus } from '../../../domain/calls/workflow.ts';
import { forbidden } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type CallFlowMessages, callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, dkk, formBody, Outcome, str } from './shared.tsx';

type CallOfPage = Awaited<ReturnType<typeof callOfPage>>;

/** The owner manages; a co-funder sees the call to allocate its own budget. */
function roles(c: AppContext, call: CallOfPage) {
  const user = signedInUser(c);
  const owner = can(user, 'calls.manage', { organisationId: call.call.ownerId });
  const funderIds = [...new Set(call.budgets.map((b) => b.funderId))].filter((id) =>
    can(user, 'calls.allocate', { organisationId: id }),
  );
  if (!owner && funderIds.length === 0) throw forbidden('Not allowed: call processing');
  return {
    owner,
    decider: can(user, 'calls.decide', { organisationId: call.call.ownerId }),
    funderIds,
  };
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: unknown[][] }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((cell) => (
                <td>{cell as string}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function processPage(c: AppContext) {
  const { db } = c.get('deps');
  const call = await callOfPage(c);
  const { owner, decider, funderIds } = roles(c, call);
  const t = callFlowMessages(c.get('lang'));
  const status = call.call.status as CallStatus;
  const apps = await db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      org: organisations.name,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.callId, call.call.id))
    .orderBy(asc(organisations.name));
  const [progress, ranked, budget] = await Promise.all([
    assessorProgress(db, call.call.id),
    rankedApplications(db, call.call.id),
    budgetUse(db, call.call.id),
  ]);
  const selected = ranked.filter((r) => r.application.status === 'selected');
  const years = Array.from(
    { length: (call.setup?.lastYear ?? 0) - (call.setup?.firstYear ?? 0) + 1 },
    (_, i) => (call.setup?.firstYear ?? 0) + i,
  );
  return renderPage(c, `${t.process}: ${call.call.title}`, ({ lang, csrfToken }) => (
    <>
      <h1>
        {t.process}: {call.call.title}
      </h1>
      <Outcome c={c} t={t} />
      <p>
        {t.status}: <strong>{t.statuses[status]}</strong>
      </p>
      {owner && (
        <div class="call-actions">
          {CALL_TRANSITIONS[status].map((to) => (
            <form method="post" action={pageHref('callProcess', lang, { slug: call.call.slug })}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="do" value="move" />
              <input type="hidden" name="to" value={to} />
              <button type="submit" class="button button-secondary">
                {t.moveTo(t.statuses[to] ?? to)}
              </button>
            </form>
          ))}
          {(status === 'draft' || status === 'published') && (
            <p>
              <a href={pageHref('callSetup', lang, { slug: call.call.slug })}>{t.setup}</a>
            </p>
          )}
        </div>
      )}
      <h2>{t.applications}</h2>
      {apps.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={t.applications}
          head={[t.organisation, t.applicationTitle, t.status, '']}
          rows={apps.map((a) => [
            a.org,
            a.title,
            t.appStatuses[a.status],
            <a href={pageHref('application', lang, { id: a.id })}>
              {t.open}
              <span class="sr-only">: {a.org}</span>
            </a>,
          ])}
        />
      )}
      {owner && (
        <>
          <h2>{t.progress}</h2>
          <Table
            caption={t.progress}
            head={[t.assessor, t.declared, t.conflicts, t.scored]}
            rows={progress.map((p) => [p.name, p.declared, p.conflicts, `${p.scored} / ${p.due}`])}
          />
        </>
      )}
      <h2>{t.ranking}</h2>
      <p>{t.rankingNote}</p>
      <form method="post" action={pageHref('callProcess', lang, { slug: call.call.slug })}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="do" value="decide" />
        <Table
          caption={t.ranking}
          head={[
            t.rank,
            t.organisation,
            t.total,
            t.status,
            ...(decider && status === 'assessed' ? [t.select] : []),
          ]}
          rows={ranked.map((r) => [
            r.rank,
            r.application.organisationName,
            r.total,
            t.appStatuses[r.application.status],
            ...(decider && status === 'assessed'
              ? [
                  <div class="form-group-checkbox">
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`select-${r.application.id}`}
                      name="selected"
                      value={r.application.id}
                    />
                    <label for={`select-${r.application.id}`}>
                      {t.select} {r.application.organisationName}
                    </label>
                  </div>,
                ]
              : []),
          ])}
        />
        {decider && status === 'assessed' && (
          <button type="submit" class="button button-primary">
            {t.decide}
          </button>
        )}
      </form>
      <h2>{t.allocation}</h2>
      <Table
        caption={t.budget}
        head={[t.funder, t.year, t.budget, t.allocated, t.remaining]}
        rows={budget.map((b) => [b.funderName, b.year, dkk(b.budget), dkk(b.allocated), dkk(b.remaining)])}
      />
      {status === 'decided' &&
        funderIds.map((funderId) => {
          const name = call.budgets.find((b) => b.funderId === funderId)?.funderName ?? '';
          return (
            <form method="post" action={pageHref('callProcess', lang, { slug: call.call.slug })}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="do" value="allocate" />
              <input type="hidden" name="funderId" value={funderId} />
              <fieldset>
                <legend class="h3">
                  {t.allocate}: {name}
                </legend>
                {selected.map((r) =>
                  years.map((y) => {
                    const id = `a-${funderId}-${r.application.id}-${y}`;
                    return (
                      <div class="form-group">
                        <label class="form-label" for={id}>
                          {r.application.organisationName} {y} (kr.)
                        </label>
                        <input
                          class="form-input input-width-s"
                          type="text"
                          inputmode="numeric"
                          id={id}
                          name={`a:${r.application.id}:${y}`}
                          value=""
                        />
                      </div>
                    );
                  }),
                )}
                <button type="submit" class="button button-primary">
                  {t.allocate}
                </button>
              </fieldset>
            </form>
          );
        })}
      {status === 'decided' && owner && (
        <ul>
          {apps
            .filter((a) => ['selected', 'not_selected', 'ineligible'].includes(a.status))
            .map((a) => (
              <li>
                <a href={pageHref('applicationLetter', lang, { id: a.id })}>
                  {t.letter}: {a.org}
                </a>
              </li>
            ))}
        </ul>
      )}
    </>
  ));
}

async function processAction(c: AppContext) {
  const call = await callOfPage(c);
  const editor = callerOf(c);
  const { funderIds } = roles(c, call);
  const body = await formBody(c);
  const now = c.get('deps').clock();
  const db = c.get('deps').db;
  const back = pageHref('callProcess', c.get('lang'), { slug: call.call.slug });
  return actAndReturn(c, back, async () => {
    switch (str(body, 'do')) {
      case 'move':
        return moveCall(db, editor, call.call.id, str(body, 'to') as CallStatus, now);
      case 'decide': {
        const v = body.selected;
        return decideCall(db, editor, call.call.id, v === undefined ? [] : Array.isArray(v) ? v : [v], now);
      }
      case 'allocate': {
        const funderId = str(body, 'funderId');
        if (!funderIds.includes(funderId)) throw forbidden('Not allowed: allocate');
        const inputs = Object.entries(body).flatMap(([key, value]) => {
          const [, applicationId, year] = key.split(':');
          if (!key.startsWith('a:') || typeof value !== 'string' || value.trim() === '') return [];
          return [allocationInput.parse({ applicationId, year, amountDkk: value.replace(/[.\s]/g, '') })];
        });
        // The whole form in one transaction: a refused row writes none of the others.
        return allocate(db, editor, funderId, inputs, now);
      }
      default:
        throw forbidden('unknown action');
    }
  });
}

export function registerCallProcessPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callProcess', processPage);
  onPage(app, 'POST', 'callProcess', processAction);
}

export type { CallFlowMessages };
