import { eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Queryable } from '../../db/client.ts';
import { calls, organisations } from '../../db/schema/index.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { instantToDanishTime } from '../content/time.ts';
import { notFound } from '../errors.ts';
import { formatDateTime } from '../reference/danish.ts';
import { applicationFacts } from './parties.ts';
import { authorizeApplication } from './policy.ts';
import { allocationsOf, findApplication, rankedApplications } from './queries.ts';

const dkk = (n: number) => `${new Intl.NumberFormat('da-DK').format(n)} kr.`;

/**
 * What the decision letter says to one applicant, as plain lines (also what the tests read).
 * For the applicant and the call's funders (see applicationRules), once the call is decided.
 */
export async function decisionLetterText(db: Queryable, editor: Caller, applicationId: string, now: Date) {
  const facts = await applicationFacts(db, editor.principal, applicationId);
  if (!facts) throw notFound('application');
  authorizeApplication(editor.principal, 'readDecisionLetter', facts);
  if (facts.call.status !== 'decided') throw notFound('letter');
  const app = await findApplication(db, applicationId);
  if (!app) throw notFound('application');
  const [call] = await db
    .select({ title: calls.title, status: calls.status, ownerName: organisations.name })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .where(eq(calls.id, app.callId));
  if (!call) throw notFound('call');
  const date = instantToDanishTime(now).date;
  const lines = [
    `${call.ownerName}`,
    `Dato: ${date}`,
    '',
    `Til: ${app.organisationName}`,
    `Vedr.: ${call.title}`,
    '',
  ];
  if (app.status === 'selected') {
    const grants = await allocationsOf(db, applicationId);
    lines.push(`Afgørelse: Jeres ansøgning "${app.title}" er udvalgt.`, '', 'Bevilling pr. år og finansiør:');
    for (const g of grants)
      lines.push(`  ${g.year}: ${g.funderName} ${dkk(g.amountDkk)} (${g.share} % af årets bevilling)`);
    if (grants.length === 0) lines.push('  Fordelingen af midlerne meddeles særskilt.');
  } else if (app.status === 'not_selected') {
    const ranked = await rankedApplications(db, app.callId);
    const mine = ranked.find((r) => r.application.id === applicationId);
    lines.push(
      `Afgørelse: Jeres ansøgning "${app.title}" er desværre ikke udvalgt.`,
      mine ? `Vægtet samlet score: ${mine.total} af 100 (placering ${mine.rank} af ${ranked.length}).` : '',
    );
  } else if (app.status === 'ineligible') {
    lines.push(
      `Afgørelse: Jeres ansøgning "${app.title}" opfylder ikke opslagets krav og er ikke bedømt.`,
      `Begrundelse: ${app.eligibilityReason ?? ''}`,
    );
  } else {
    lines.push(`Ansøgningen "${app.title}" er endnu ikke afgjort (status: ${app.status}).`);
  }
  lines.push('', 'Med venlig hilsen', call.ownerName);
  return { status: app.status, lines };
}

/** The decision letter as a PDF. */
export async function decisionLetterPdf(
  db: Queryable,
  editor: Caller,
  applicationId: string,
  now: Date,
): Promise<Buffer> {
  const { lines } = await decisionLetterText(db, editor, applicationId, now);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: { Title: 'Afgørelse', Author: 'Klyngeportalen' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res, rej) => {
    doc.on('end', () => res(Buffer.concat(chunks)));
    doc.on('error', rej);
  });
  doc.font('Helvetica-Bold').fontSize(16).text('Afgørelse om ansøgning', { paragraphGap: 12 });
  doc.font('Helvetica').fontSize(11);
  for (const line of lines) doc.text(line || ' ');
  doc.end();
  return done;
}

/** The receipt e-mailed to whoever submits an application. */
export function submissionReceipt(opts: {
  to: string;
  callTitle: string;
  organisationName: string;
  applicationTitle: string;
  /** The application's reference number (applicationReference). */
  reference: string;
  submittedAt: Date;
}): MailMessage {
  return {
    to: opts.to,
    subject: `Kvittering: ansøgning til ${opts.callTitle}`,
    text: [
      `Vi har modtaget ansøgningen "${opts.applicationTitle}" fra ${opts.organisationName}`,
      `til opslaget "${opts.callTitle}" ${formatDateTime(opts.submittedAt, 'da')} (dansk tid).`,
      '',
      `Referencenummer: ${opts.reference}`,
      '',
      'Ansøgningen kan ikke længere ændres. Den kan trækkes tilbage fra arbejdsrummet, indtil',
      'den er vurderet.',
      '',
      'We have received your application; this is your receipt.',
    ].join('\n'),
  };
}
