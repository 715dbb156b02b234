import type { PeriodReview } from '../../../../domain/reporting/periods/review.ts';
import { formatDate, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { resultsMessages } from '../../performance/messages.ts';
import { FiguresTable } from '../../performance/views/figures.tsx';
import { periodMessages } from '../periods.messages.ts';
import { type ReviewMessages, reviewMessages } from '../review.messages.ts';
import { Decisions, type PeriodProblem, StatusBadge, TimelinessBadge } from './period-forms.tsx';

function Summary({ r, t, lang }: { r: PeriodReview; t: ReviewMessages; lang: Lang }) {
  const s = r.summary;
  const rows: [string, number][] = [
    [t.activities, s.activities],
    [t.participations, s.participations],
    [t.companyParticipations, s.companyParticipations],
    [t.distinctCompanies, s.distinctCompanies],
    [t.knowledge, s.knowledgeInstitutionParticipations],
    [t.other, s.otherParticipations],
  ];
  return (
    <>
      <h2>{t.summaryHeading}</h2>
      <ScrollingTable label={t.summaryCaption}>
        <table class="table table--compact">
          <caption class="sr-only">{t.summaryCaption}</caption>
          <tbody>
            {rows.map(([label, n]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{formatNumber(n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <h2>{t.qualityHeading}</h2>
      {s.activitiesBreakingRule > 0 ? (
        <Alert variant="warning">{t.ruleFlag(s.activitiesBreakingRule, s.activities)}</Alert>
      ) : (
        <p>{t.ruleOk}</p>
      )}
    </>
  );
}

function Activities({ r, t, lang }: { r: PeriodReview; t: ReviewMessages; lang: Lang }) {
  const { rows, total } = r.activities;
  return (
    <>
      <h2>{t.activitiesHeading}</h2>
      {total === 0 ? (
        <p>{t.noActivities}</p>
      ) : (
        <div class="table-responsive">
          <ScrollingTable label={t.activitiesCaption(rows.length, total)}>
            <table class="table table--compact">
              <caption>{t.activitiesCaption(rows.length, total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.ref}</th>
                  <th scope="col">{t.titleColumn}</th>
                  <th scope="col">{t.start}</th>
                  <th scope="col">{t.participants}</th>
                  <th scope="col">{t.companies}</th>
                  <th scope="col">{t.flag}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr>
                    <td>{a.activityRef}</td>
                    <th scope="row">{a.title}</th>
                    <td>{formatDate(a.startDate, lang)}</td>
                    <td>{formatNumber(a.participants, lang)}</td>
                    <td>{formatNumber(a.companies, lang)}</td>
                    <td>
                      {a.breaksActivityRule ? (
                        <span class="badge badge-warning">{t.breaks}</span>
                      ) : (
                        <span class="badge badge-success">{t.keeps}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
        </div>
      )}
    </>
  );
}

/** A funder's review of a cluster's year: the data, then the decision on the same page. */
export function PeriodReviewPage(p: {
  review: PeriodReview;
  problem: PeriodProblem | undefined;
  lang: Lang;
  csrf: string;
}) {
  const { review: r, lang } = p;
  const t = reviewMessages(lang);
  const pt = periodMessages(lang);
  const { cell } = r;
  return (
    <>
      <p>
        <a href={href('reportingStatus', lang, { year: String(cell.year) })}>{t.back}</a>
      </p>
      <h1>{t.title(r.cluster.name, cell.year)}</h1>
      <p class="font-lead">{t.intro}</p>
      <dl class="period-facts">
        <dt>{pt.statusLabel}</dt>
        <dd>
          <StatusBadge status={cell.status} t={pt} />
        </dd>
        {cell.deadline && (
          <>
            <dt>{pt.deadline}</dt>
            <dd>
              {formatDate(cell.deadline, lang)}
              {cell.timeliness && (
                <>
                  {' '}
                  <TimelinessBadge timeliness={cell.timeliness} t={pt} />
                </>
              )}
            </dd>
          </>
        )}
        {cell.noActivitiesReason && (
          <>
            <dt>{pt.noActivitiesReasonShown}</dt>
            <dd>{cell.noActivitiesReason}</dd>
          </>
        )}
      </dl>
      <Summary r={r} t={t} lang={lang} />
      <Activities r={r} t={t} lang={lang} />
      <h2>{t.accountHeading}</h2>
      <p>{t.accountIntro}</p>
      {r.account ? (
        <FiguresTable v={{ t: resultsMessages(lang), lang }} account={r.account} />
      ) : (
        <p>{t.noAccount}</p>
      )}
      <h2>{t.decisionsHeading}</h2>
      {cell.actions.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <Decisions cell={cell} actions={cell.actions} t={pt} lang={lang} csrf={p.csrf} problem={p.problem} />
      )}
    </>
  );
}
