import type { MatchmakingPage, ParticipantCard } from '../../../../domain/matchmaking/queries.ts';
import { formatClock, type Messages, messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import {
  Checkboxes,
  formList,
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
  open: boolean;
};

export function RegistrationForm(p: Props) {
  const { t, page } = p;
  const typed = Object.keys(p.form.values).length > 0;
  const v = (k: 'organisationName' | 'offers' | 'seeks') =>
    typed ? formText(p.form.values[k]) : (page.me?.[k] ?? '');
  const checked = typed ? formList(p.form.values.slotIds) : (page.me?.slotIds ?? []);
  const e = p.form.errors;
  return (
    <section aria-labelledby="registration">
      <h2 id="registration">{t.registrationHeading}</h2>
      <form
        method="post"
        action={pageHref('matchmakingRegister', p.lang, { slug: page.event.slug })}
        novalidate
      >
        <CsrfField token={p.csrfToken} />
        <TextField
          name="organisationName"
          label={t.organisationName}
          value={v('organisationName')}
          error={e.organisationName}
        />
        <TextAreaField name="offers" label={t.offers} value={v('offers')} error={e.offers} rows={3} />
        <TextAreaField name="seeks" label={t.seeks} value={v('seeks')} error={e.seeks} rows={3} />
        <Checkboxes
          name="slotIds"
          legend={t.availability}
          options={page.slots.map((s) => ({
            value: s.id,
            label: `${formatClock(s.startsAt, p.lang)}–${formatClock(s.endsAt, p.lang)}`,
          }))}
          checked={checked}
          error={e.slotIds}
        />
        <button type="submit" class="button button-primary" disabled={!p.open}>
          {page.me ? t.updateRegistration : t.register}
        </button>
      </form>
    </section>
  );
}

export function Agenda({ page, lang, t }: { page: MatchmakingPage; lang: Lang; t: MatchmakingMessages }) {
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t.agendaHeading}</h2>
      {page.agenda.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ScrollingTable label={messages(lang).tableOf(t.agendaHeading)}>
          <table class="table table--compact" id="agenda-table">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.table}</th>
                <th scope="col">{t.with}</th>
              </tr>
            </thead>
            <tbody>
              {page.agenda.map((a) => (
                <tr>
                  <td>
                    {formatClock(a.startsAt, lang)}–{formatClock(a.endsAt, lang)}
                  </td>
                  <td>{a.table}</td>
                  <td>
                    {a.withName} ({a.withOrganisation})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      <p>
        <a href={pageHref('matchmakingCalendar', lang, { slug: page.event.slug })} type="text/calendar">
          {t.agendaCalendar}
        </a>
      </p>
      <p>
        <a href={pageHref('matchmakingAgendaPdf', lang, { slug: page.event.slug })} type="application/pdf">
          {t.agendaPdf}
        </a>
      </p>
    </section>
  );
}

function RequestAction(p: {
  card: ParticipantCard;
  slug: string;
  csrfToken: string;
  lang: Lang;
  t: MatchmakingMessages;
  open: boolean;
}) {
  const { card, t } = p;
  const r = card.request;
  const status = r && <p class="mt-0">{t.statuses[r.direction]?.[r.status]}</p>;
  const closeForm = (label: string, aria: string) =>
    r && (
      <form method="post" action={pageHref('matchmakingCancel', p.lang, { slug: p.slug, id: r.id })}>
        <CsrfField token={p.csrfToken} />
        {status}
        <button type="submit" class="button button-secondary" aria-label={aria}>
          {label}
        </button>
      </form>
    );
  if (r?.status === 'accepted') return closeForm(t.cancelMeeting, t.cancelWith(card.name));
  if (r?.status === 'pending' && p.open && r.direction === 'sent')
    return closeForm(t.withdraw, t.withdrawWith(card.name));
  if (r?.status === 'pending' && p.open) {
    // A request to the caller that waits for an answer.
    return (
      <form method="post" action={pageHref('matchmakingAnswer', p.lang, { slug: p.slug, id: r.id })}>
        <CsrfField token={p.csrfToken} />
        {status}
        <button type="submit" name="answer" value="accept" class="button button-primary">
          {t.accept}
        </button>{' '}
        <button type="submit" name="answer" value="decline" class="button button-secondary">
          {t.decline}
        </button>
      </form>
    );
  }
  // A withdrawn request may be sent again, by either side.
  if ((r && r.status !== 'withdrawn') || !p.open) return status;
  return (
    <form method="post" action={pageHref('matchmakingRequest', p.lang, { slug: p.slug })}>
      <CsrfField token={p.csrfToken} />
      {status}
      <input type="hidden" name="toParticipantId" value={card.id} />
      <div class="form-group">
        <label class="form-label" for={`message-${card.id}`}>
          {t.message}
        </label>
        <input class="form-input" id={`message-${card.id}`} name="message" type="text" maxlength={1000} />
      </div>
      <button type="submit" class="button button-secondary" aria-label={t.requestWith(card.name)}>
        {t.requestMeeting}
      </button>
    </form>
  );
}

export function Participants(p: Omit<Props, 'form' | 'm'>) {
  const { page, t } = p;
  const waiting = page.participants.filter(
    (c) => c.request?.direction === 'received' && c.request.status === 'pending',
  );
  const card = (c: ParticipantCard) => (
    <li class="mb-5">
      <h3 class="h4 mb-2">
        {c.name}, {c.organisationName}
      </h3>
      {c.offers && (
        <p class="mt-0 mb-2">
          <strong>{t.offers}:</strong> {c.offers}
        </p>
      )}
      {c.seeks && (
        <p class="mt-0 mb-2">
          <strong>{t.seeks}:</strong> {c.seeks}
        </p>
      )}
      <RequestAction
        card={c}
        slug={page.event.slug}
        csrfToken={p.csrfToken}
        lang={p.lang}
        t={t}
        open={p.open}
      />
    </li>
  );
  return (
    <>
      <section aria-labelledby="requests">
        <h2 id="requests">{t.requestsHeading}</h2>
        {waiting.length === 0 ? <p>{t.noRequests}</p> : <ul class="nobullet-list">{waiting.map(card)}</ul>}
      </section>
      <section aria-labelledby="participants">
        <h2 id="participants">{t.participantsHeading}</h2>
        {page.participants.length === 0 ? (
          <p>{t.noParticipants}</p>
        ) : (
          <ul class="nobullet-list">{page.participants.filter((c) => !waiting.includes(c)).map(card)}</ul>
        )}
      </section>
    </>
  );
}
