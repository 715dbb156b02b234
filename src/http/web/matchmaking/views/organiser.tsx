import { instantToDanishTime } from '../../../../domain/content/time.ts';
import type { MatchmakingPage } from '../../../../domain/matchmaking/queries.ts';
import { formatClock, formatOneDecimal, type Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import {
  DateInput,
  datePartsOf,
  formText,
  type PostedForm,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { MatchmakingMessages } from '../messages.ts';

type Props = {
  page: MatchmakingPage;
  form: PostedForm;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MatchmakingMessages;
};

/** What the setup form shows: what was typed, else the saved settings, else a suggestion. */
function setupValues(page: MatchmakingPage, form: PostedForm): Record<string, string> {
  const typed = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, formText(v)]));
  if (Object.keys(typed).length > 0) return typed;
  const s = page.event.settings;
  const first = page.slots[0];
  const minutes = first ? Math.round((first.endsAt.getTime() - first.startsAt.getTime()) / 60_000) : 20;
  const deadline = instantToDanishTime(s?.requestDeadline ?? page.event.startsAt);
  return {
    firstSlot: instantToDanishTime(first?.startsAt ?? page.event.startsAt).time,
    slotMinutes: String(minutes),
    slotCount: String(page.slots.length || 6),
    tables: (s?.tables ?? ['Bord 1', 'Bord 2', 'Bord 3']).join('\n'),
    meetingsPerParticipant: String(s?.meetingsPerParticipant ?? 6),
    deadline: deadline.date,
    deadlineTime: deadline.time,
  };
}

export function SetupForm(p: Props) {
  const { t, page } = p;
  const v = setupValues(page, p.form);
  const e = p.form.errors;
  return (
    <section aria-labelledby="setup">
      <h2 id="setup">{t.setupHeading}</h2>
      <form method="post" action={pageHref('matchmakingSetup', p.lang, { slug: page.event.slug })} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField name="firstSlot" label={t.firstSlot} value={v.firstSlot} error={e.firstSlot} />
        <TextField name="slotMinutes" label={t.slotMinutes} value={v.slotMinutes} error={e.slotMinutes} />
        <TextField name="slotCount" label={t.slotCount} value={v.slotCount} error={e.slotCount} />
        <TextAreaField name="tables" label={t.tables} value={v.tables} error={e.tables} rows={5} />
        <TextField
          name="meetingsPerParticipant"
          label={t.meetingsPerParticipant}
          value={v.meetingsPerParticipant}
          error={e.meetingsPerParticipant}
        />
        <DateInput
          name="deadline"
          legend={t.deadlineDate}
          m={p.m}
          value={datePartsOf(v, 'deadline')}
          error={e.deadline}
        />
        <TextField name="deadlineTime" label={t.deadlineTime} value={v.deadlineTime} error={e.deadlineTime} />
        <button type="submit" class="button button-secondary">
          {t.saveSetup}
        </button>
      </form>
    </section>
  );
}

export function Scheduling({ page, csrfToken, lang, t }: Omit<Props, 'form' | 'm'>) {
  const f = page.figures;
  if (!f) return null;
  return (
    <section aria-labelledby="scheduling">
      <h2 id="scheduling">{t.scheduleHeading}</h2>
      <dl>
        <dt>{t.participantsCount}</dt>
        <dd>{f.participants}</dd>
        <dt>{t.pendingCount}</dt>
        <dd>{f.pending}</dd>
        <dt>{t.acceptedCount}</dt>
        <dd>{f.accepted}</dd>
        <dt>{t.placedCount}</dt>
        <dd>{f.placed}</dd>
      </dl>
      <p>{t.scheduleLead}</p>
      <form method="post" action={pageHref('matchmakingSchedule', lang, { slug: page.event.slug })}>
        <CsrfField token={csrfToken} />
        <div class="form-group-checkbox">
          <input class="form-checkbox" type="checkbox" id="rescheduleAll" name="rescheduleAll" value="yes" />
          <label for="rescheduleAll">{t.rescheduleAll}</label>
        </div>
        <button type="submit" class="button button-primary">
          {t.runScheduler}
        </button>
      </form>
      <h3>{t.allMeetingsHeading}</h3>
      {page.schedule.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ScrollingTable label={t.allMeetingsHeading}>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.table}</th>
                <th scope="col">{t.with}</th>
              </tr>
            </thead>
            <tbody>
              {page.schedule.map((m) => (
                <tr>
                  <td>{formatClock(m.startsAt, lang)}</td>
                  <td>{m.table}</td>
                  <td>
                    {m.withName} ({m.withOrganisation}) – {m.otherName} ({m.otherOrganisation})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}

/** What the 3- and 6-month follow-ups found: asked, answered, and the outcomes reported. */
export function FollowUps({ page, lang, t }: Pick<Props, 'page' | 'lang' | 't'>) {
  return (
    <section aria-labelledby="follow-ups">
      <h2 id="follow-ups">{t.followUpsHeading}</h2>
      <p>{t.followUpsLead}</p>
      {page.followUps.length === 0 ? (
        <p>{t.noFollowUps}</p>
      ) : (
        <ScrollingTable label={t.followUpsHeading}>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.round}</th>
                <th scope="col">{t.invitedCount}</th>
                <th scope="col">{t.responsesCount}</th>
                <th scope="col">{t.outcomeDeal}</th>
                <th scope="col">{t.outcomeProject}</th>
                <th scope="col">{t.outcomePartnership}</th>
                <th scope="col">{t.withOutcomeShare}</th>
              </tr>
            </thead>
            <tbody>
              {page.followUps.map((f) => (
                <tr>
                  <th scope="row">{t.followUpRound(f.monthsAfter)}</th>
                  <td>{f.invited}</td>
                  <td>{f.responses}</td>
                  <td>{f.outcomes.deal}</td>
                  <td>{f.outcomes.project}</td>
                  <td>{f.outcomes.partnership}</td>
                  <td>
                    {f.responses === 0
                      ? '–'
                      : `${formatOneDecimal((100 * f.withOutcome) / f.responses, lang)} %`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}
