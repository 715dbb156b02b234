import { MUNICIPALITIES } from '../../../../domain/reference/geography.ts';
import type { ActivityDetail } from '../../../../domain/reporting/activities/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDate, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { activityMessages } from '../activities.messages.ts';
import { ParticipantForm, type Values } from './activity-forms.tsx';

function ActivityFacts({ a, lang }: { a: ActivityDetail; lang: Lang }) {
  const t = activityMessages(lang);
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, lang));
  const rows: [string, string][] = [
    [t.activity_ref, a.activityRef],
    [t.cluster, a.clusterName],
    [t.category, t.categories[a.category] ?? a.category],
    [t.start_date, formatDate(a.startDate, lang)],
    [t.end_date, a.endDate ? formatDate(a.endDate, lang) : '–'],
    [
      t.municipality_code,
      MUNICIPALITIES.find((m) => m.code === a.municipalityCode)?.name ??
        (a.municipalityCode === null ? '–' : String(a.municipalityCode)),
    ],
    [t.grant_dkk, n(a.grantDkk)],
    [t.external_funding_dkk, n(a.externalFundingDkk)],
    [t.private_cofinancing_hours, n(a.privateCofinancingHours)],
    [t.cofinancing_fees_dkk, n(a.cofinancingFeesDkk)],
    [t.cofinancing_sponsorship_dkk, n(a.cofinancingSponsorshipDkk)],
    [t.cofinancing_foundations_dkk, n(a.cofinancingFoundationsDkk)],
    [t.euApplicationLegend, a.euApplication ? t.yes : t.no],
  ];
  return (
    <dl class="summary-list">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function ParticipantsTable({ a, lang, editable }: { a: ActivityDetail; lang: Lang; editable: boolean }) {
  const t = activityMessages(lang);
  if (a.participants.length === 0) return <p>{t.noParticipants}</p>;
  return (
    <ScrollingTable label={t.participantsCaption(a.participants.length)}>
      <table class="table table--compact">
        <caption>{t.participantsCaption(a.participants.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.participant_type}</th>
            <th scope="col">{t.cvr}</th>
            <th scope="col">{t.employees}</th>
            <th scope="col">{t.industry_code}</th>
            <th scope="col">{t.effectsShort}</th>
            {editable && <th scope="col">{t.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {a.participants.map((p) => {
            const params = { id: String(a.id), participantId: String(p.id) };
            const effects = (['new_competence', 'new_idea', 'new_product'] as const)
              .filter((f) =>
                f === 'new_competence' ? p.newCompetence : f === 'new_idea' ? p.newIdea : p.newProduct,
              )
              .map((f) => t.effectLabels[f])
              .join(', ');
            return (
              <tr>
                <th scope="row">{p.name}</th>
                <td>
                  {t.types[p.participantType] ?? p.participantType}
                  {p.institutionKind && ` (${t.institutionKinds[p.institutionKind] ?? p.institutionKind})`}
                </td>
                <td>{p.cvr ?? p.country ?? ''}</td>
                <td>{p.employees === null ? '' : formatNumber(p.employees, lang)}</td>
                <td>{p.industryCode ?? ''}</td>
                <td>{effects || '–'}</td>
                {editable && (
                  <td>
                    <a href={pageHref('activityParticipant', lang, params)} aria-label={t.editLabel(p.name)}>
                      {t.editParticipant}
                    </a>{' '}
                    ·{' '}
                    <a
                      href={pageHref('activityParticipantRemove', lang, params)}
                      aria-label={t.removeLabel(p.name)}
                    >
                      {t.remove}
                    </a>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * An activity with its participants. Its cluster's staff change it while its year is open (buttons,
 * the form to add a participant); everyone else who may read it sees it read-only.
 */
export function ActivityPage(p: {
  a: ActivityDetail;
  lang: Lang;
  m: Messages;
  csrf: string;
  notice: unknown;
  values: Values;
  errors: FieldErrors;
  problem: string | null;
}) {
  const { a, lang } = p;
  const t = activityMessages(lang);
  const editable = a.mayWrite && !a.locked;
  const id = String(a.id);
  return (
    <>
      <p>
        <a href={href('activities', lang)}>{t.back}</a>
      </p>
      <h1>{a.title}</h1>
      <ErrorSummary m={p.m} errors={p.errors} />
      {p.notice}
      {a.locked && <Alert variant="warning">{t.lockedText(a.year)}</Alert>}
      {!a.mayWrite && <Alert variant="info">{t.readOnly}</Alert>}
      <h2>{t.details}</h2>
      <ActivityFacts a={a} lang={lang} />
      {editable && (
        <p>
          <a class="button button-secondary" href={pageHref('activityEdit', lang, { id })}>
            {t.edit}
          </a>{' '}
          <a class="button button-tertiary" href={pageHref('activityDelete', lang, { id })}>
            {t.delete}
          </a>
        </p>
      )}
      <h2>{t.participants}</h2>
      <ParticipantsTable a={a} lang={lang} editable={editable} />
      {editable && (
        <section aria-labelledby="add-participant">
          <h2 id="add-participant">{t.addParticipant}</h2>
          {p.problem && <Alert variant="error">{p.problem}</Alert>}
          <ParticipantForm
            lang={lang}
            action={pageHref('activityParticipants', lang, { id })}
            csrf={p.csrf}
            v={p.values}
            e={p.errors}
            submit={t.addParticipant}
          />
        </section>
      )}
      {!editable && p.problem && <Alert variant="error">{p.problem}</Alert>}
    </>
  );
}
