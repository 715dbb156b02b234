import type { MatchmakingPage } from '../../../../domain/matchmaking/queries.ts';
import { formatDateTime, type Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type PostedForm } from '../../../views/forms.tsx';
import type { MatchmakingMessages } from '../messages.ts';
import { FollowUps, Scheduling, SetupForm } from './organiser.tsx';
import { Agenda, Participants, RegistrationForm } from './participant.tsx';

export type Notice = { variant: 'success' | 'warning'; text: string } | null;

/** Which form the posted values and errors belong to. */
export type FormName = 'setup' | 'registration' | 'request';

export function MatchmakingView(p: {
  page: MatchmakingPage;
  form: PostedForm;
  formName: FormName | null;
  notice: Notice;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MatchmakingMessages;
  now: Date;
}) {
  const { page, t, lang } = p;
  const settings = page.event.settings;
  const open = settings !== null && p.now < settings.requestDeadline;
  const formFor = (name: FormName): PostedForm => (p.formName === name ? p.form : { values: {}, errors: {} });
  const shared = { page, csrfToken: p.csrfToken, lang, t };
  return (
    <>
      <h1>{t.title(page.event.title)}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <a href={pageHref('event', lang, { slug: page.event.slug })}>{t.backToEvent}</a>
      </p>
      {p.notice && <Alert variant={p.notice.variant}>{p.notice.text}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      {settings ? (
        <p>{open ? t.deadline(formatDateTime(settings.requestDeadline, lang)) : t.deadlinePassed}</p>
      ) : (
        <p>{t.notOn}</p>
      )}
      {settings && (
        <>
          {page.me && <Agenda page={page} lang={lang} t={t} />}
          <RegistrationForm {...shared} form={formFor('registration')} m={p.m} open={open} />
          {page.me && <Participants {...shared} open={open} />}
        </>
      )}
      {page.mayOrganise && (
        <>
          <Scheduling {...shared} />
          {settings && <FollowUps page={page} lang={lang} t={t} />}
          <SetupForm {...shared} form={formFor('setup')} m={p.m} />
        </>
      )}
    </>
  );
}
