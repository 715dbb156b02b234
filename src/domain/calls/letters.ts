import { eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Queryable } from '../../db/client.ts';
import { calls, organisations, users } from '../../db/schema/index.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { formatAmount, formatDateTime, formatDay } from '../reference/danish.ts';
import { applicationFacts } from './parties.ts';
import { authorizeApplication } from './policy.ts';
import { allocationsOf, consensusBoard, findApplication, rankedApplications } from './queries.ts';
import { applicationReference } from './tasks.ts';

/** The letter's headings, set in bold in the PDF. */
const HEADINGS = { reasons: 'Begrundelse', complaint: 'Klagevejledning' } as const;

/** The decision itself: selected with each funder's grant, or not selected, or not eligible. */
async function decisionLines(db: Queryable, app: Application): Promise<string[]> {
  if (app.status === 'selected') {
    const grants = await allocationsOf(db, app.id);
    const lines = [`Jeres ansøgning "${app.title}" er udvalgt.`, '', 'Bevilling pr. år og finansiør:'];
    for (const g of grants)
      lines.push(
        `  ${g.year}: ${g.funderName} ${formatAmount(g.amountDkk, 'da')} (${g.share} % af årets bevilling)`,
      );
    if (grants.length === 0) lines.push('  Fordelingen af midlerne meddeles særskilt.');
    return lines;
  }
  if (app.status === 'not_selected') return [`Jeres ansøgning "${app.title}" er desværre ikke udvalgt.`];
  if (app.status === 'ineligible')
    return [`Jeres ansøgning "${app.title}" opfylder ikke opslagets krav og er derfor ikke bedømt.`];
  return [`Ansøgningen "${app.title}" er endnu ikke afgjort.`];
}

/** Why: the weighted score and rank, and the agreed score and remark per criterion; or the failed requirement. */
async function reasonLines(db: Queryable, app: Application): Promise<string[]> {
  if (app.status === 'ineligible') return [`Begrundelse: ${app.eligibilityReason ?? ''}`];
  if (app.status !== 'selected' && app.status !== 'not_selected') return [];
  const ranked = await rankedApplications(db, app.callId);
  const mine = ranked.find((r) => r.application.id === app.id);
  const lines = [
    'Ansøgningen er bedømt af uafhængige bedømmere efter opslagets kriterier og vægte.',
    mine ? `Vægtet samlet score: ${mine.total} af 100 (placering ${mine.rank} af ${ranked.length}).` : '',
  ];
  for (const row of (await consensusBoard(db, app.id)) ?? []) {
    if (!row.consensus) continue;
    const { titleDa, weight, scaleMax } = row.criterion;
    lines.push(`  ${titleDa} (vægt ${weight} %): ${row.consensus.score} af ${scaleMax}`);
    if (row.consensus.comment) lines.push(`    ${row.consensus.comment}`);
  }
  return lines;
}

/** How to complain: ask the authority to reconsider, then the Parliamentary Ombudsman. */
const complaintLines = (owner: string, reference: string) => [
  `Hvis I er uenige i afgørelsen, kan I inden 4 uger efter, at I har modtaget dette brev, bede ${owner}`,
  `om at genoverveje den. Skriv til ${owner}, og oplys journalnummeret ${reference}.`,
  'Afgørelsen kan ikke påklages til anden administrativ myndighed. I kan klage til Folketingets',
  'Ombudsmand, når muligheden for at få afgørelsen genovervejet er brugt.',
];

/** An organisation's postal address as a letter prints it: one line per comma-separated part, as on an envelope. */
export const postalLines = (address: string | null): string[] =>
  (address ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The head of a letter from a Danish public authority: the sender with its postal address, then
 * the recipient, the date, the journal number and the case officer when a person handles the case.
 */
export function letterHead(head: {
  sender: string;
  addressLines: readonly string[];
  recipient: string;
  now: Date;
  reference: string;
  officer: { name: string; email: string } | null;
}): string[] {
  const { officer } = head;
  return [
    head.sender,
    ...head.addressLines,
    '',
    `Til: ${head.recipient}`,
    `Dato: ${formatDay(head.now, 'da')}`,
    `J.nr.: ${head.reference}`,
    ...(officer ? [`Sagsbehandler: ${officer.name}, ${officer.email}`] : []),
  ];
}

type Application = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/**
 * Who sends a call's decision letters: the owning funder with its postal address (one line per
 * comma-separated part, as on an envelope), and the case officer who recorded the decision, when
 * a person did. Null for a call that does not exist.
 */
export async function letterSender(db: Queryable, callId: string) {
  const [row] = await db
    .select({
      callTitle: calls.title,
      ownerName: organisations.name,
      ownerAddress: organisations.address,
      officerName: users.name,
      officerEmail: users.email,
    })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .leftJoin(users, eq(users.id, calls.decidedBy))
    .where(eq(calls.id, callId));
  if (!row) return null;
  const { callTitle, ownerName, ownerAddress, officerName, officerEmail } = row;
  const addressLines = postalLines(ownerAddress);
  const officer = officerName && officerEmail ? { name: officerName, email: officerEmail } : null;
  return { callTitle, ownerName, addressLines, officer };
}
export type LetterSender = NonNullable<Awaited<ReturnType<typeof letterSender>>>;

/**
 * What the decision letter says to one applicant, as plain lines (also what the tests read), laid
 * out as a Danish public authority's letter: sender with its postal address, recipient, date,
 * journal number and case officer, the decision, its reasons, complaint guidance and the case
 * officer's signature. For the applicant and the call's funders (see applicationRules), once the
 * call is decided.
 */
export async function decisionLetterText(db: Queryable, editor: Caller, applicationId: string, now: Date) {
  const facts = await applicationFacts(db, editor.principal, applicationId);
  if (!facts) throw notFound('application');
  authorizeApplication(editor.principal, 'readDecisionLetter', facts);
  if (facts.call.status !== 'decided') throw notFound('letter');
  const app = await findApplication(db, applicationId);
  if (!app) throw notFound('application');
  const sender = await letterSender(db, app.callId);
  if (!sender) throw notFound('call');
  const { ownerName, addressLines, officer } = sender;
  const reference = applicationReference(app);
  const reasons = await reasonLines(db, app);
  const subject = `Afgørelse om ansøgning til ${sender.callTitle}`;
  const lines = [
    ...letterHead({
      sender: ownerName,
      addressLines,
      recipient: app.organisationName,
      now,
      reference,
      officer,
    }),
    '',
    subject,
    '',
    ...(await decisionLines(db, app)),
    ...(reasons.length > 0 ? ['', HEADINGS.reasons, ...reasons] : []),
    '',
    HEADINGS.complaint,
    ...complaintLines(ownerName, reference),
    '',
    'Med venlig hilsen',
    ...(officer ? [officer.name] : []),
    ownerName,
  ];
  return { status: app.status, reference, subject, lines };
}

/** The decision letter as a PDF. */
export async function decisionLetterPdf(
  db: Queryable,
  editor: Caller,
  applicationId: string,
  now: Date,
): Promise<Buffer> {
  const { lines, subject } = await decisionLetterText(db, editor, applicationId, now);
  return letterPdf(lines, subject, [subject, ...Object.values(HEADINGS)]);
}

/**
 * A public authority's letter as an A4 PDF: the lines as they are, the subject and headings
 * (`bold`) set in bold. Shared by the decision letters and the grant agreements.
 */
export function letterPdf(
  lines: readonly string[],
  subject: string,
  bold: readonly string[],
): Promise<Buffer> {
  const boldLines = new Set(bold);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: { Title: subject, Author: 'Klyngeportalen' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res, rej) => {
    doc.on('end', () => res(Buffer.concat(chunks)));
    doc.on('error', rej);
  });
  doc.fontSize(11);
  for (const line of lines) doc.font(boldLines.has(line) ? 'Helvetica-Bold' : 'Helvetica').text(line || ' ');
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
