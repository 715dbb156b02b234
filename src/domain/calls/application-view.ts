import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { applications } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { listAttachments } from './attachments.ts';
import { letterSender } from './letters.ts';
import { applicationFacts } from './parties.ts';
import { applicantOrganisation, applicationActions, authorizeApplication } from './policy.ts';
import { allocationsOf, consensusBoard, findApplication } from './queries.ts';
import { findCallSetup } from './setup.ts';

/** An application as one caller may see it: the applicant's form, and the page of one application. */

/**
 * The applicant's own application to a call, for its form: the call's rules, the organisation
 * applied for, the application (null before its first save) and its attachments. Not found for a
 * call the applicant may not see, or one without a set-up (its applications are made elsewhere).
 */
export async function applicantView(db: Queryable, editor: Caller, callId: string) {
  const organisationId = applicantOrganisation(editor.principal);
  const setup = await findCallSetup(db, editor.principal, callId);
  if (!setup?.setup || setup.call.status === 'draft') throw notFound('application form');
  const [own] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.organisationId, organisationId)));
  const application = own ? await findApplication(db, own.id) : null;
  const attachments = own ? await listAttachments(db, editor, own.id) : [];
  return { setup, organisationId, application, attachments };
}

/**
 * One application's page for one caller: the call's rules, what the caller may do there, and
 * the application itself (with its budget and attachments) only when they may read it. An assessor of the call who has not
 * declared, or has declared a conflict, opens the page but sees none of the application. The
 * scores shown are all of them to the call's owner, and the assessor's own to an assessor.
 */
export async function applicationView(db: Queryable, editor: Caller, applicationId: string) {
  const p = editor.principal;
  const facts = await applicationFacts(db, p, applicationId);
  if (!facts) throw notFound('application');
  authorizeApplication(p, 'open', facts);
  const actions = applicationActions(p, facts);
  const setup = await findCallSetup(db, p, facts.call.id);
  if (!setup) throw notFound('call');
  const application = actions.read ? await findApplication(db, applicationId) : null;
  const attachments = actions.read ? await listAttachments(db, editor, applicationId) : [];
  // What each funder granted, for those who may read the decision letter, once there is one.
  const grants =
    actions.decisionLetter && facts.status === 'selected' ? await allocationsOf(db, applicationId) : [];
  // Who sends the decision letter: the owning funder's address and the case officer.
  const sender = actions.decisionLetter ? await letterSender(db, facts.call.id) : null;
  const board =
    actions.score || actions.setConsensus ? ((await consensusBoard(db, applicationId)) ?? []) : [];
  const scores = actions.setConsensus
    ? board
    : board.map((row) => ({
        ...row,
        scores: row.scores.filter((s) => s.assessorId === p.userId),
        spread: null,
        consensus: null,
      }));
  return {
    id: facts.id,
    status: facts.status,
    setup,
    actions,
    application,
    attachments,
    grants,
    sender,
    board: scores,
  };
}
export type ApplicationView = Awaited<ReturnType<typeof applicationView>>;
