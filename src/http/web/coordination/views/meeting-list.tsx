import type { DecisionView, MeetingSummary } from '../../../../domain/coordination/meeting-queries.ts';
import { formatDate } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { MeetingMessages } from '../meeting-messages.ts';

type Shared = { lang: Lang; t: MeetingMessages };

/** What a decision concerns: the call and the cluster, linked, or none. */
function DecisionLinks({ decision, lang, t }: Shared & { decision: DecisionView }) {
  const links = [
    decision.call && <a href={pageHref('call', lang, { slug: decision.call.slug })}>{decision.call.title}</a>,
    decision.cluster && (
      <a href={pageHref('cluster', lang, { slug: decision.cluster.slug })}>{decision.cluster.name}</a>
    ),
  ].filter(Boolean);
  if (links.length === 0) return <>{t.none_}</>;
  return <>{links.map((l, i) => [i > 0 && ', ', l])}</>;
}

/** Decisions with their follow-up; the responsible funder's people get a button to mark one done. */
export function DecisionTable(
  p: Shared & { decisions: DecisionView[]; caption: string; withMeeting: boolean; csrfToken: string },
) {
  const { lang, t } = p;
  return (
    <ScrollingTable label={p.caption}>
      <table class="table table--compact">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.decision}</th>
            {p.withMeeting && <th scope="col">{t.meeting}</th>}
            <th scope="col">{t.responsible}</th>
            <th scope="col">{t.dueOn}</th>
            <th scope="col">
              {t.call} / {t.cluster}
            </th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {p.decisions.map((d) => (
            <tr>
              <th scope="row">{d.text}</th>
              {p.withMeeting && (
                <td>
                  <a href={pageHref('coordinationMeeting', lang, { id: d.meetingId })}>{d.meetingTitle}</a>
                </td>
              )}
              <td>{d.responsibleName}</td>
              <td>{formatDate(d.dueOn, lang)}</td>
              <td>
                <DecisionLinks decision={d} lang={lang} t={t} />
              </td>
              <td>
                {t.statuses[d.status]}
                {d.mayComplete && (
                  <form method="post" action={pageHref('coordinationDecisionDone', lang, { id: d.id })}>
                    <CsrfField token={p.csrfToken} />
                    <button
                      type="submit"
                      class="button button-secondary"
                      aria-label={`${t.markDone}: ${d.text}`}
                    >
                      {t.markDone}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function MeetingTable({ meetings, lang, t }: Shared & { meetings: MeetingSummary[] }) {
  return (
    <ScrollingTable label={t.caption}>
      <table class="table table--compact">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.meeting}</th>
            <th scope="col">{t.heldOn}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.participants}</th>
            <th scope="col">{t.minutes}</th>
            <th scope="col">{t.openDecisions}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr>
              <th scope="row">
                <a href={pageHref('coordinationMeeting', lang, { id: m.id })}>{m.title}</a>
              </th>
              <td>{formatDate(m.heldOn, lang)}</td>
              <td>{t.kinds[m.kind]}</td>
              <td>{m.participantNames.join(', ')}</td>
              <td>{m.minutesPublished ? t.minutesPublished : t.minutesMissing}</td>
              <td class="results-number">{m.openDecisions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The caller's meetings and the open decisions their organisation answers for. */
export function MeetingListView(
  p: Shared & {
    meetings: MeetingSummary[];
    openDecisions: DecisionView[];
    mayConvene: boolean;
    notice: string | null;
    csrfToken: string;
  },
) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {p.mayConvene && (
        <p>
          <a class="button button-primary" href={href('coordinationMeetingNew', lang)}>
            {t.new}
          </a>
        </p>
      )}
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t.decisionsHeading}</h2>
        {p.openDecisions.length === 0 ? (
          <p>{t.decisionsNone}</p>
        ) : (
          <DecisionTable
            decisions={p.openDecisions}
            caption={t.decisionsCaption}
            withMeeting
            csrfToken={p.csrfToken}
            lang={lang}
            t={t}
          />
        )}
      </section>
      <h2>{t.caption}</h2>
      {p.meetings.length === 0 ? <p>{t.none}</p> : <MeetingTable meetings={p.meetings} lang={lang} t={t} />}
    </>
  );
}
