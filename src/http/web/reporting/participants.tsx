import { removeParticipant, updateParticipant } from '../../../domain/reporting/activities/participants.ts';
import { participantForEditing } from '../../../domain/reporting/activities/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { activityMessages } from './activities.messages.ts';
import { asReported, type FormProblem, formProblem, idParam, posted } from './activity-input.ts';
import { EditParticipantPage, RemoveParticipantPage } from './views/activity-changes.tsx';
import { PARTICIPANT_FIELDS } from './views/activity-forms.tsx';

/** The pages that change one participant of an activity (adding one is on the activity's page). */
const participantOf = (c: AppContext) =>
  participantForEditing(c.get('deps').db, callerOf(c), idParam(c, 'id'), idParam(c, 'participantId'));

export async function participantPage(c: AppContext, problem?: FormProblem) {
  const { activity, participant } = await participantOf(c);
  return renderPage(
    c,
    activityMessages(c.get('lang')).editParticipantTitle(participant.name),
    ({ lang, m, csrfToken }) => (
      <EditParticipantPage
        activity={activity}
        participant={participant}
        sent={problem ?? { errors: {}, notice: null }}
        lang={lang}
        m={m}
        csrf={csrfToken}
      />
    ),
    problem?.status ?? 200,
  );
}

export async function saveParticipant(c: AppContext) {
  const id = idParam(c, 'id');
  const participantId = idParam(c, 'participantId');
  const values = await posted(c, PARTICIPANT_FIELDS);
  const lang = c.get('lang');
  try {
    await updateParticipant(c.get('deps').db, callerOf(c), id, participantId, asReported(values));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantSaved' }), 303);
  } catch (err) {
    return participantPage(c, formProblem(err, lang, values));
  }
}

export async function removeParticipantPage(
  c: AppContext,
  notice: string | null = null,
  status: 200 | 409 = 200,
) {
  const { activity, participant } = await participantOf(c);
  return renderPage(
    c,
    activityMessages(c.get('lang')).removeTitle(participant.name),
    ({ lang, csrfToken }) => (
      <RemoveParticipantPage
        activity={activity}
        participant={participant}
        notice={notice}
        lang={lang}
        csrf={csrfToken}
      />
    ),
    status,
  );
}

export async function removeParticipantPost(c: AppContext) {
  const id = idParam(c, 'id');
  const lang = c.get('lang');
  try {
    await removeParticipant(c.get('deps').db, callerOf(c), id, idParam(c, 'participantId'));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantRemoved' }), 303);
  } catch (err) {
    return removeParticipantPage(c, formProblem(err, lang).notice, 409);
  }
}
