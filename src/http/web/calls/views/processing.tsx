import type { Child } from 'hono/jsx';
import { allocationOpen, selectionDue } from '../../../../domain/calls/chain.ts';
import { callPhase } from '../../../../domain/calls/listing.ts';
import { hasDecision } from '../../../../domain/calls/policy.ts';
import type { CallProcessing } from '../../../../domain/calls/processing.ts';
import { periodYears } from '../../../../domain/calls/setup.ts';
import { CALL_TRANSITIONS, type CallStatus } from '../../../../domain/calls/workflow.ts';
import { nameOf } from '../../../../domain/glossary.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { CallFlowMessages } from '../messages.ts';
import { dkk } from '../shared.tsx';

/** The parts of a call's processing page: status moves, applications, progress, ranking and allocation. */

interface Props {
  t: CallFlowMessages;
  lang: Lang;
  csrfToken: string;
  processing: CallProcessing;
}

export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: unknown[][] }) {
  return (
    <ScrollingTable label={caption}>
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
    </ScrollingTable>
  );
}

/** A form posting one action of the processing page. */
export function ProcessForm({
  lang,
  csrfToken,
  slug,
  what,
  children,
}: {
  lang: Lang;
  csrfToken: string;
  slug: string;
  what: string;
  children: Child;
}) {
  return (
    <form method="post" action={pageHref('callProcess', lang, { slug })}>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="do" value={what} />
      {children}
    </form>
  );
}

/**
 * The owner's buttons for the call's next statuses, and the set-up link while it can still change.
 * Each move is named by the status people will see afterwards (the glossary's call phase, as on
 * the public page), so the page never shows two words for one state. A published call already
 * takes applications by its dates, so moving it to open is named for what it does: it locks the set-up.
 */
export function StatusMoves({ t, lang, csrfToken, processing, now }: Props & { now: Date }) {
  const { call } = processing.setup;
  const status = call.status as CallStatus;
  return (
    <div class="call-actions">
      {CALL_TRANSITIONS[status].map((to) => {
        return (
          <ProcessForm lang={lang} csrfToken={csrfToken} slug={call.slug} what="move">
            <input type="hidden" name="to" value={to} />
            <button type="submit" class="button button-secondary">
              {to === 'open'
                ? t.lockSetup
                : t.moveTo(nameOf('callPhase', callPhase({ ...call, status: to }, now), lang))}
            </button>
          </ProcessForm>
        );
      })}
      {(status === 'draft' || status === 'published') && (
        <p>
          <a href={pageHref('callSetup', lang, { slug: call.slug })}>{t.setup}</a>
        </p>
      )}
    </div>
  );
}

export function ApplicationList({ t, lang, processing }: Omit<Props, 'csrfToken'>) {
  const apps = processing.applications;
  if (apps.length === 0) return <p>{t.none}</p>;
  return (
    <Table
      caption={t.applications}
      head={[t.organisation, t.applicationTitle, t.status, '']}
      rows={apps.map((a) => [
        a.organisationName,
        a.title,
        nameOf('applicationStatus', a.status, lang),
        <a href={pageHref('application', lang, { id: a.id })}>
          {t.open}
          <span class="sr-only">: {a.organisationName}</span>
        </a>,
      ])}
    />
  );
}

export function AssessorProgress({ t, processing }: { t: CallFlowMessages; processing: CallProcessing }) {
  return (
    <>
      <h2>{t.progress}</h2>
      <Table
        caption={t.progress}
        head={[t.assessor, t.declared, t.conflicts, t.scored]}
        rows={processing.progress.map((p) => [p.name, p.declared, p.conflicts, `${p.scored} / ${p.due}`])}
      />
    </>
  );
}

/** The ranked applications; for the decider of an assessed call, with a box to select each. */
export function Ranking({ t, lang, csrfToken, processing }: Props) {
  const { ranked, setup, actions } = processing;
  const selecting = actions.decide && setup.call.status === 'assessed' && selectionDue(processing.chain);
  return (
    <>
      <h2>{t.ranking}</h2>
      <p>{t.rankingNote}</p>
      <ProcessForm lang={lang} csrfToken={csrfToken} slug={setup.call.slug} what="decide">
        <Table
          caption={t.ranking}
          head={[t.rank, t.organisation, t.total, t.status, ...(selecting ? [t.select] : [])]}
          rows={ranked.map((r) => [
            r.rank,
            r.application.organisationName,
            r.total,
            nameOf('applicationStatus', r.application.status, lang),
            ...(selecting
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
        {selecting && (
          <button type="submit" class="button button-primary">
            {t.decide}
          </button>
        )}
      </ProcessForm>
    </>
  );
}

/** Each funder's budget use, and once decided a form per funder the user allocates for. */
export function Allocation({ t, lang, csrfToken, processing }: Props) {
  const { setup, budget, ranked, actions } = processing;
  const selected = ranked.filter((r) => r.application.status === 'selected');
  const years = periodYears(setup.setup);
  return (
    <>
      <h2>{t.allocation}</h2>
      <Table
        caption={t.budget}
        head={[t.funder, t.year, t.budget, t.allocated, t.remaining]}
        rows={budget.map((b) => [b.funderName, b.year, dkk(b.budget), dkk(b.allocated), dkk(b.remaining)])}
      />
      {setup.call.status === 'decided' &&
        actions.allocateFor
          .filter((funderId) => allocationOpen(processing.chain, funderId))
          .map((funderId) => (
            <ProcessForm lang={lang} csrfToken={csrfToken} slug={setup.call.slug} what="allocate">
              <input type="hidden" name="funderId" value={funderId} />
              <fieldset>
                <legend class="h3">
                  {t.allocate}: {setup.budgets.find((b) => b.funderId === funderId)?.funderName ?? ''}
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
            </ProcessForm>
          ))}
    </>
  );
}

/** The decision letters of a decided call, for those who may read them. */
export function Letters({ t, lang, processing }: Omit<Props, 'csrfToken'>) {
  return (
    <ul>
      {processing.applications
        .filter((a) => hasDecision(a.status))
        .map((a) => (
          <li>
            <a href={pageHref('applicationLetter', lang, { id: a.id })}>
              {t.letter}: {a.organisationName}
            </a>
          </li>
        ))}
    </ul>
  );
}
