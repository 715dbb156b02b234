/** An initiative's page: status, parties, milestones, linked activities and history; the forms for whom keeps it. */
import type { Initiative, InitiativePage } from '../../../../domain/strategy/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, DateInput, datePartsOf, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { Icon } from '../../../views/icons.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { StrategyMessages } from '../messages.ts';
import { ManageSection } from './manage.tsx';
import { Progress, StatusBadge, summary, title } from './status.tsx';

/** What the page needs besides the initiative: the language, the forms' state and token. */
export interface PageContext {
  lang: Lang;
  t: StrategyMessages;
  m: Messages;
  csrf: string;
  manage: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
}

function Parties({ initiative, p }: { initiative: Initiative; p: PageContext }) {
  return (
    <>
      <h2>{p.t.parties}</h2>
      <ul>
        {initiative.parties.map((party) => {
          const partyName = p.lang === 'da' ? party.nameDa : party.nameEn;
          return (
            <li>
              {party.organisationId && party.website ? <a href={party.website}>{partyName}</a> : partyName}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function MilestoneDone({
  ms,
  code,
  p,
}: {
  ms: Initiative['milestones'][number];
  code: string;
  p: PageContext;
}) {
  const { t, lang } = p;
  if (ms.doneOn)
    return (
      <>
        <Icon name="check" /> {formatDate(ms.doneOn, lang)}
      </>
    );
  if (!p.manage) return <>{t.notDone}</>;
  const field = `doneOn-${ms.id}`;
  return (
    <form method="post" action={pageHref('initiativeMilestoneDone', lang, { code, id: ms.id })} novalidate>
      <CsrfField token={p.csrf} />
      <DateInput
        name={field}
        legend={t.doneOnField(ms.title)}
        m={p.m}
        value={datePartsOf(p.values, field)}
        error={p.errors[field]}
      />
      <button type="submit" class="button button-secondary">
        {t.markDone}
      </button>
    </form>
  );
}

function Milestones({ initiative, p }: { initiative: Initiative; p: PageContext }) {
  const { t, lang } = p;
  const code = initiative.code.toLowerCase();
  return (
    <>
      <h2>{t.milestones}</h2>
      {initiative.milestones.length === 0 ? (
        <p>{t.noMilestones}</p>
      ) : (
        <ScrollingTable label={t.milestones}>
          <table class="table table--compact">
            <caption class="sr-only">{t.milestones}</caption>
            <thead>
              <tr>
                <th scope="col">{t.milestoneTitle}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.doneOn}</th>
              </tr>
            </thead>
            <tbody>
              {initiative.milestones.map((ms) => (
                <tr>
                  <th scope="row">{ms.title}</th>
                  <td>{formatDate(ms.dueOn, lang)}</td>
                  <td>
                    <MilestoneDone ms={ms} code={code} p={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}

function Links({ initiative, p }: { initiative: Initiative; p: PageContext }) {
  const { t, lang } = p;
  const code = initiative.code.toLowerCase();
  if (initiative.links.length === 0)
    return (
      <>
        <h2>{t.links}</h2>
        <p>{t.noLinks}</p>
      </>
    );
  return (
    <>
      <h2>{t.links}</h2>
      <ScrollingTable label={t.links}>
        <table class="table table--compact">
          <caption class="sr-only">{t.links}</caption>
          <thead>
            <tr>
              <th scope="col">{t.activityColumn}</th>
              <th scope="col">{t.clusterColumn}</th>
              {p.manage && <td></td>}
            </tr>
          </thead>
          <tbody>
            {initiative.links.map((l) => {
              const what = l.activityTitle ?? l.clusterName;
              return (
                <tr>
                  <th scope="row">
                    {l.activityTitle
                      ? `${l.activityTitle} (${l.activityStart ? formatDate(l.activityStart, lang) : ''}, id ${l.activityId})`
                      : t.wholeCluster}
                  </th>
                  <td>
                    <a href={pageHref('cluster', lang, { slug: l.clusterSlug })}>{l.clusterName}</a>
                  </td>
                  {p.manage && (
                    <td>
                      <form method="post" action={pageHref('initiativeUnlink', lang, { code, id: l.id })}>
                        <CsrfField token={p.csrf} />
                        <button type="submit" class="button button-tertiary" aria-label={t.unlink(what)}>
                          <Icon name="delete" /> {t.unlink(what)}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

function History({ initiative, p }: { initiative: Initiative; p: PageContext }) {
  const { t, lang } = p;
  return (
    <>
      <h2>{t.history}</h2>
      {initiative.history.length === 0 ? (
        <p>{t.noHistory}</p>
      ) : (
        <ScrollingTable label={t.history}>
          <table class="table table--compact">
            <caption class="sr-only">{t.history}</caption>
            <thead>
              <tr>
                <th scope="col">{t.changedAt}</th>
                <th scope="col">{t.change}</th>
                <th scope="col">{t.note}</th>
                <th scope="col">{t.by}</th>
              </tr>
            </thead>
            <tbody>
              {initiative.history.map((h) => (
                <tr>
                  <td>{formatDateTime(h.at, lang)}</td>
                  <td>
                    {t.status[h.fromStatus]} → {t.status[h.toStatus]}
                  </td>
                  <td>{h.note}</td>
                  <td>{h.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}

export function InitiativeView({
  page,
  p,
  done,
  q,
}: {
  page: InitiativePage;
  p: PageContext;
  /** The confirmation of the change just made, if any. */
  done: string | undefined;
  q: string;
}) {
  const { initiative } = page;
  const { t, lang } = p;
  return (
    <>
      <p>
        <a href={href('clusterForum', lang)}>{t.back}</a>
      </p>
      <p class="font-lead">
        {t.focusArea(initiative.areaCode)}: {lang === 'da' ? initiative.areaTitleDa : initiative.areaTitleEn}
      </p>
      <h1>
        {initiative.code}. {title(initiative, lang)}
      </h1>
      <p>{summary(initiative, lang)}</p>
      {done && <Alert variant="success">{done}</Alert>}
      <ErrorSummary m={p.m} errors={p.errors} />
      <dl class="summary-list">
        <dt>{t.statusLabel}</dt>
        <dd>
          <StatusBadge status={initiative.status} t={t} />
        </dd>
        <dt>{t.milestonesLabel}</dt>
        <dd>
          <Progress done={initiative.milestonesDone} total={initiative.milestonesTotal} t={t} />
        </dd>
      </dl>
      <Parties initiative={initiative} p={p} />
      <Milestones initiative={initiative} p={p} />
      <Links initiative={initiative} p={p} />
      <History initiative={initiative} p={p} />
      {p.manage && <ManageSection page={page} p={p} q={q} />}
    </>
  );
}
