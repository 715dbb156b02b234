import type { ActivityDetail, ParticipantView } from '../../../../domain/reporting/activities/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { activityMessages } from '../activities.messages.ts';
import {
  ActivityForm,
  activityValues,
  Confirm,
  ParticipantForm,
  participantValues,
  type Values,
} from './activity-forms.tsx';

/** A form that was sent back: what was typed, the field errors and a notice for the whole form. */
export interface SentBack {
  values?: Values | undefined;
  errors: FieldErrors;
  notice: string | null;
}

/** Instead of a form when the activity's reporting year is closed: why, and the way back. */
function Locked({ year, back, lang }: { year: number; back: string; lang: Lang }) {
  const t = activityMessages(lang);
  return (
    <>
      <Alert variant="warning">{t.lockedText(year)}</Alert>
      <p>
        <a href={back}>{t.backToActivity}</a>
      </p>
    </>
  );
}

/** A new activity, for one of the clusters the user reports for (a choice when there are several). */
export function NewActivityPage(p: {
  clusters: { id: string; name: string }[];
  sent: SentBack;
  lang: Lang;
  m: Messages;
  csrf: string;
}) {
  const t = activityMessages(p.lang);
  return (
    <>
      <h1>{t.newTitle}</h1>
      <p>{t.formIntro}</p>
      {p.sent.notice && <Alert variant="error">{p.sent.notice}</Alert>}
      <ErrorSummary m={p.m} errors={p.sent.errors} />
      <ActivityForm
        lang={p.lang}
        action={href('activityNew', p.lang)}
        csrf={p.csrf}
        v={p.sent.values ?? {}}
        e={p.sent.errors}
        clusters={p.clusters}
        cancel={href('activities', p.lang)}
      />
    </>
  );
}

export function EditActivityPage(p: {
  a: ActivityDetail;
  sent: SentBack;
  lang: Lang;
  m: Messages;
  csrf: string;
}) {
  const { a, lang } = p;
  const t = activityMessages(lang);
  const back = pageHref('activity', lang, { id: String(a.id) });
  return (
    <>
      <h1>{t.editTitle(a.title)}</h1>
      {a.locked ? (
        <Locked year={a.year} back={back} lang={lang} />
      ) : (
        <>
          <p>{t.formIntro}</p>
          {p.sent.notice && <Alert variant="error">{p.sent.notice}</Alert>}
          <ErrorSummary m={p.m} errors={p.sent.errors} />
          <ActivityForm
            lang={lang}
            action={pageHref('activityEdit', lang, { id: String(a.id) })}
            csrf={p.csrf}
            v={p.sent.values ?? activityValues(a)}
            e={p.sent.errors}
            cancel={back}
          />
        </>
      )}
    </>
  );
}

export function EditParticipantPage(p: {
  activity: ActivityDetail;
  participant: ParticipantView;
  sent: SentBack;
  lang: Lang;
  m: Messages;
  csrf: string;
}) {
  const { activity, participant, lang } = p;
  const t = activityMessages(lang);
  const params = { id: String(activity.id), participantId: String(participant.id) };
  const back = pageHref('activity', lang, { id: params.id });
  return (
    <>
      <h1>{t.editParticipantTitle(participant.name)}</h1>
      <p>{activity.title}</p>
      {p.sent.notice && <Alert variant="error">{p.sent.notice}</Alert>}
      {activity.locked ? (
        <Locked year={activity.year} back={back} lang={lang} />
      ) : (
        <>
          <ErrorSummary m={p.m} errors={p.sent.errors} />
          <ParticipantForm
            lang={lang}
            action={pageHref('activityParticipant', lang, params)}
            csrf={p.csrf}
            v={p.sent.values ?? participantValues(participant)}
            e={p.sent.errors}
            submit={t.saveParticipant}
            cancel={back}
          />
        </>
      )}
    </>
  );
}

export function RemoveParticipantPage(p: {
  activity: ActivityDetail;
  participant: ParticipantView;
  notice: string | null;
  lang: Lang;
  csrf: string;
}) {
  const { activity, participant, lang } = p;
  const t = activityMessages(lang);
  const params = { id: String(activity.id), participantId: String(participant.id) };
  const back = pageHref('activity', lang, { id: params.id });
  return (
    <>
      <h1>{t.removeTitle(participant.name)}</h1>
      {p.notice && <Alert variant="error">{p.notice}</Alert>}
      {activity.locked ? (
        <p>
          <a href={back}>{t.backToActivity}</a>
        </p>
      ) : (
        <Confirm
          lang={lang}
          action={pageHref('activityParticipantRemove', lang, params)}
          csrf={p.csrf}
          text={t.removeText(participant.name, activity.title)}
          confirm={t.removeConfirm}
          cancel={back}
        />
      )}
    </>
  );
}

export function DeleteActivityPage(p: {
  a: ActivityDetail;
  notice: string | null;
  lang: Lang;
  csrf: string;
}) {
  const { a, lang } = p;
  const t = activityMessages(lang);
  const back = pageHref('activity', lang, { id: String(a.id) });
  return (
    <>
      <h1>{t.deleteTitle(a.title)}</h1>
      {p.notice && <Alert variant="error">{p.notice}</Alert>}
      {a.locked ? (
        <Locked year={a.year} back={back} lang={lang} />
      ) : (
        <Confirm
          lang={lang}
          action={pageHref('activityDelete', lang, { id: String(a.id) })}
          csrf={p.csrf}
          text={t.deleteText(a.participants.length)}
          confirm={t.deleteConfirm}
          cancel={back}
        />
      )}
    </>
  );
}
