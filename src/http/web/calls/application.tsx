import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { applications, conflictDeclarations } from '../../../db/schema/index.ts';
import { addAttachment, listAttachments, readAttachment } from '../../../domain/calls/attachments.ts';
import {
  checkEligibility,
  declareConflict,
  saveApplication,
  scoreApplication,
  setConsensus,
  submitApplication,
  withdrawApplication,
} from '../../../domain/calls/commands.ts';
import { decisionLetterPdf, submissionReceipt } from '../../../domain/calls/letters.ts';
import { consensusBoard, findApplication, findCallSetup } from '../../../domain/calls/queries.ts';
import { applicationInput, eligibilityInput, scoreInput } from '../../../domain/calls/schemas.ts';
import { AppError, forbidden, notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { ACTIVITY_CATEGORIES } from '../../../domain/reporting/format/rows.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type CallFlowMessages, callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, evidenceOf, formBody, inLang, Outcome, str } from './shared.tsx';

function TextArea({
  id,
  label,
  value,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
}) {
  return (
    <div class="form-group">
      <label class="form-label" for={id}>
        {label}
      </label>
      <textarea class="form-input" id={id} name={id} rows={4} disabled={disabled}>
        {value}
      </textarea>
    </div>
  );
}

type Setup = NonNullable<Awaited<ReturnType<typeof findCallSetup>>>;
type Application = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

function ApplicationFields({
  t,
  setup,
  app,
  disabled,
  lang,
}: {
  t: CallFlowMessages;
  lang: Lang;
  setup: Setup;
  app: Application | null;
  disabled: boolean;
}) {
  const years = Array.from(
    { length: (setup.setup?.lastYear ?? 0) - (setup.setup?.firstYear ?? 0) + 1 },
    (_, i) => (setup.setup?.firstYear ?? 0) + i,
  );
  return (
    <>
      <div class="form-group">
        <label class="form-label" for="title">
          {t.applicationTitle}
        </label>
        <input
          class="form-input"
          type="text"
          id="title"
          name="title"
          value={app?.title ?? ''}
          disabled={disabled}
        />
      </div>
      <h2>{t.requirements}</h2>
      {setup.requirements.map((r) => (
        <TextArea
          id={`ans:${r.id}`}
          label={`${inLang(lang, r.textDa, r.textEn)}${evidenceOf(lang, r) ? ` (${evidenceOf(lang, r)})` : ''}`}
          value={app?.answers[r.id] ?? ''}
          disabled={disabled}
        />
      ))}
      <h2>{t.criteria}</h2>
      {setup.criteria.map((k) => (
        <TextArea
          id={`txt:${k.id}`}
          label={`${inLang(lang, k.titleDa, k.titleEn)} (${k.weight} %)`}
          value={app?.texts[k.id] ?? ''}
          disabled={disabled}
        />
      ))}
      <fieldset>
        <legend class="h2">{t.budgetApplied}</legend>
        {years.map((y) =>
          ACTIVITY_CATEGORIES.map((cat) => {
            const id = `bud:${y}:${cat}`;
            const v = app?.budget.find((b) => b.year === y && b.category === cat)?.amountDkk;
            return (
              <div class="form-group">
                <label class="form-label" for={id}>
                  {y} {cat}
                </label>
                <input
                  class="form-input input-width-s"
                  type="text"
                  inputmode="numeric"
                  id={id}
                  name={id}
                  value={v === undefined ? '' : String(v)}
                  disabled={disabled}
                />
              </div>
            );
          }),
        )}
      </fieldset>
    </>
  );
}

function applicantOrg(c: AppContext): string {
  const user = signedInUser(c);
  const m = user.memberships.find((x) =>
    can(user, 'applications.submit', { organisationId: x.organisationId }),
  );
  if (!m) throw forbidden('Not allowed: applications.submit');
  return m.organisationId;
}

async function ownApplication(c: AppContext, setup: Setup, organisationId: string) {
  const [row] = await c
    .get('deps')
    .db.select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.callId, setup.call.id), eq(applications.organisationId, organisationId)));
  return row ? await findApplication(c.get('deps').db, row.id) : null;
}

async function applyPage(c: AppContext) {
  const setup = await callOfPage(c);
  const org = applicantOrg(c);
  const app = await ownApplication(c, setup, org);
  const t = callFlowMessages(c.get('lang'));
  const draft = !app || app.status === 'draft';
  const files = app ? await listAttachments(c.get('deps').db, app.id) : [];
  return renderPage(c, `${t.apply}: ${setup.call.title}`, ({ lang, csrfToken }) => {
    const action = pageHref('callApply', lang, { slug: setup.call.slug });
    return (
      <>
        <h1>
          {t.apply}: {inLang(lang, setup.call.title, setup.setup?.titleEn)}
        </h1>
        <Outcome c={c} t={t} />
        {app && (
          <p>
            {t.status}: <strong>{t.appStatuses[app.status]}</strong>
          </p>
        )}
        {!draft && <Alert variant="info">{t.readOnly}</Alert>}
        <form method="post" action={action}>
          <CsrfField token={csrfToken} />
          <ApplicationFields t={t} lang={lang} setup={setup} app={app} disabled={!draft} />
          {draft && (
            <div class="button-group">
              <button type="submit" name="do" value="save" class="button button-secondary">
                {t.saveDraft}
              </button>
              <button type="submit" name="do" value="submit" class="button button-primary">
                {t.submit}
              </button>
            </div>
          )}
        </form>
        {app && (
          <>
            <h2>{t.attachments}</h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={pageHref('attachment', lang, { id: f.id })}>{f.fileName}</a>
                </li>
              ))}
            </ul>
            {draft && (
              <form method="post" action={action} enctype="multipart/form-data">
                <CsrfField token={csrfToken} />
                <div class="form-group">
                  <label class="form-label" for="file">
                    {t.file}
                  </label>
                  <input class="form-input" type="file" id="file" name="file" />
                </div>
                <button type="submit" name="do" value="attach" class="button button-secondary">
                  {t.upload}
                </button>
              </form>
            )}
            {(app.status === 'draft' || app.status === 'submitted') && (
              <form method="post" action={action}>
                <CsrfField token={csrfToken} />
                <button type="submit" name="do" value="withdraw" class="button button-tertiary">
                  {t.withdraw}
                </button>
              </form>
            )}
          </>
        )}
      </>
    );
  });
}

function applicationFromForm(body: Record<string, string | string[]>) {
  const answers: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const budget: { year: string; category: string; amountDkk: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    const [kind, a, b] = key.split(':');
    if (kind === 'ans' && a) answers[a] = value;
    if (kind === 'txt' && a) texts[a] = value;
    if (kind === 'bud' && a && b && value.trim() !== '')
      budget.push({ year: a, category: b, amountDkk: value.replace(/[.\s]/g, '') });
  }
  const parsed = applicationInput.safeParse({ title: str(body, 'title'), answers, texts, budget });
  if (!parsed.success) throw new AppError('validation', 'invalid application');
  return parsed.data;
}

async function applyAction(c: AppContext) {
  const setup = await callOfPage(c);
  const org = applicantOrg(c);
  const editor = callerOf(c);
  const deps = c.get('deps');
  const now = deps.clock();
  const back = pageHref('callApply', c.get('lang'), { slug: setup.call.slug });
  const body = await formBody(c);
  return actAndReturn(c, back, async () => {
    const existing = await ownApplication(c, setup, org);
    switch (str(body, 'do')) {
      case 'save':
        return saveApplication(deps.db, editor, setup.call.id, org, applicationFromForm(body), now);
      case 'submit': {
        const { id } = await saveApplication(
          deps.db,
          editor,
          setup.call.id,
          org,
          applicationFromForm(body),
          now,
        );
        await submitApplication(deps.db, editor, id, now);
        const app = await findApplication(deps.db, id);
        await deps.mailer.send(
          submissionReceipt({
            to: signedInUser(c).email,
            callTitle: setup.call.title,
            organisationName: app?.organisationName ?? '',
            applicationTitle: app?.title ?? '',
            submittedAt: now,
          }),
        );
        return;
      }
      case 'withdraw':
        if (!existing) throw notFound('application');
        return withdrawApplication(deps.db, editor, existing.id, now);
      case 'attach': {
        // The CSRF check has streamed the file to disk; it is removed after the response.
        const file = uploadedForm(c).files.find((f) => f.field === 'file');
        if (!existing || !file) throw new AppError('validation', 'no file');
        return addAttachment(
          deps.db,
          editor,
          deps.config.dataDir,
          existing.id,
          { name: file.name, bytes: new Uint8Array(await readFile(file.path)) },
          now,
        );
      }
      default:
        throw forbidden('unknown action');
    }
  });
}

// --- one application: eligibility and consensus (owner), declaration and scores (assessor) ---

async function applicationOfPage(c: AppContext) {
  const db = c.get('deps').db;
  const app = await findApplication(db, c.req.param('id') ?? '');
  if (!app) throw notFound('application');
  const setup = await findCallSetup(db, app.callId);
  if (!setup) throw notFound('call');
  const user = signedInUser(c);
  const owner = can(user, 'calls.manage', { organisationId: setup.call.ownerId });
  const applicant = can(user, 'applications.submit', { organisationId: app.organisationId });
  const assessor = can(user, 'applications.assess') && setup.assessorIds.includes(user.userId);
  const funder = setup.budgets.some((b) => can(user, 'calls.allocate', { organisationId: b.funderId }));
  if (!owner && !applicant && !assessor && !funder) throw forbidden('Not allowed: application');
  const [declaration] = assessor
    ? await db
        .select()
        .from(conflictDeclarations)
        .where(
          and(
            eq(conflictDeclarations.applicationId, app.id),
            eq(conflictDeclarations.assessorId, user.userId),
          ),
        )
    : [];
  return { app, setup, owner, applicant, assessor, funder, declaration: declaration ?? null };
}

async function applicationPage(c: AppContext) {
  const { app, setup, owner, applicant, assessor, funder, declaration } = await applicationOfPage(c);
  const t = callFlowMessages(c.get('lang'));
  const db = c.get('deps').db;
  // An assessor sees nothing of the application before declaring, and nothing after a conflict.
  const assessorOnly = assessor && !owner && !applicant && !funder;
  const blocked = assessorOnly && (!declaration || declaration.hasConflict);
  const board = blocked ? [] : ((await consensusBoard(db, app.id)) ?? []);
  const userId = signedInUser(c).userId;
  return renderPage(c, `${t.application}: ${blocked ? '' : app.organisationName}`, ({ lang, csrfToken }) => {
    const action = pageHref('application', lang, { id: app.id });
    const Post = ({ what, children }: { what: string; children: unknown }) => (
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="do" value={what} />
        {children as never}
      </form>
    );
    return (
      <>
        <h1>
          {t.application}
          {blocked ? '' : `: ${app.organisationName}`}
        </h1>
        <Outcome c={c} t={t} />
        {assessorOnly && !declaration && (
          <Post what="declare">
            <fieldset>
              <legend class="h2">{t.conflictTitle}</legend>
              <p>{t.conflictLead}</p>
              <div class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id="conflict-no"
                  name="hasConflict"
                  value="no"
                  checked
                />
                <label for="conflict-no">{t.noConflict}</label>
              </div>
              <div class="form-group-radio">
                <input class="form-radio" type="radio" id="conflict-yes" name="hasConflict" value="yes" />
                <label for="conflict-yes">{t.hasConflict}</label>
              </div>
              <div class="form-group">
                <label class="form-label" for="note">
                  {t.comment}
                </label>
                <input class="form-input" type="text" id="note" name="note" />
              </div>
            </fieldset>
            <button type="submit" class="button button-primary">
              {t.declare}
            </button>
          </Post>
        )}
        {assessorOnly && declaration?.hasConflict && <Alert variant="warning">{t.conflictBlocked}</Alert>}
        {!blocked && (
          <>
            <p>
              {t.status}: <strong>{t.appStatuses[app.status]}</strong>
            </p>
            <h2>{app.title}</h2>
            <dl>
              {setup.requirements.map((r) => (
                <>
                  <dt>{inLang(lang, r.textDa, r.textEn)}</dt>
                  <dd>{app.answers[r.id] ?? ''}</dd>
                </>
              ))}
              {setup.criteria.map((k) => (
                <>
                  <dt>{inLang(lang, k.titleDa, k.titleEn)}</dt>
                  <dd>{app.texts[k.id] ?? ''}</dd>
                </>
              ))}
            </dl>
            {app.eligibilityReason && (
              <p>
                {t.reason}: {app.eligibilityReason}
              </p>
            )}
          </>
        )}
        {owner &&
          ['submitted', 'eligible', 'ineligible'].includes(app.status) &&
          setup.call.status === 'closed' && (
            <Post what="eligibility">
              <fieldset>
                <legend class="h2">{t.eligibility}</legend>
                {setup.requirements.map((r) => (
                  <div class="form-group-checkbox">
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`pass-${r.id}`}
                      name={`pass:${r.id}`}
                      value="1"
                    />
                    <label for={`pass-${r.id}`}>
                      {t.passed}: {inLang(lang, r.textDa, r.textEn)}
                    </label>
                  </div>
                ))}
                <div class="form-group">
                  <label class="form-label" for="reason">
                    {t.reason}
                  </label>
                  <textarea class="form-input" id="reason" name="reason" rows={3} />
                </div>
              </fieldset>
              <button type="submit" class="button button-primary">
                {t.checkEligibility}
              </button>
            </Post>
          )}
        {assessorOnly && declaration && !declaration.hasConflict && app.status === 'eligible' && (
          <Post what="score">
            <fieldset>
              <legend class="h2">{t.scores}</legend>
              {board.map((row) => {
                const mine = row.scores.find((s) => s.assessorId === userId);
                return (
                  <fieldset>
                    <legend class="h3">{inLang(lang, row.criterion.titleDa, row.criterion.titleEn)}</legend>
                    <div class="form-group">
                      <label class="form-label" for={`score-${row.criterion.id}`}>
                        {t.score(row.criterion.scaleMax)}
                      </label>
                      <input
                        class="form-input input-width-xs"
                        type="text"
                        inputmode="numeric"
                        id={`score-${row.criterion.id}`}
                        name={`score:${row.criterion.id}`}
                        value={mine ? String(mine.score) : ''}
                      />
                    </div>
                    <div class="form-group">
                      <label class="form-label" for={`comment-${row.criterion.id}`}>
                        {t.comment}
                      </label>
                      <input
                        class="form-input"
                        type="text"
                        id={`comment-${row.criterion.id}`}
                        name={`comment:${row.criterion.id}`}
                        value={mine?.comment ?? ''}
                      />
                    </div>
                  </fieldset>
                );
              })}
            </fieldset>
            <button type="submit" class="button button-primary">
              {t.saveScores}
            </button>
          </Post>
        )}
        {owner && app.status === 'eligible' && (
          <Post what="consensus">
            <fieldset>
              <legend class="h2">{t.consensus}</legend>
              {board.map((row) => (
                <fieldset>
                  <legend class="h3">{inLang(lang, row.criterion.titleDa, row.criterion.titleEn)}</legend>
                  <p>
                    {t.individual}: {row.scores.map((s) => s.score).join(', ') || '-'}
                    {row.spread && ` · ${t.spread}: ${row.spread.min}-${row.spread.max} (${row.spread.mean})`}
                  </p>
                  <div class="form-group">
                    <label class="form-label" for={`consensus-${row.criterion.id}`}>
                      {t.score(row.criterion.scaleMax)}
                    </label>
                    <input
                      class="form-input input-width-xs"
                      type="text"
                      inputmode="numeric"
                      id={`consensus-${row.criterion.id}`}
                      name={`score:${row.criterion.id}`}
                      value={row.consensus ? String(row.consensus.score) : ''}
                    />
                  </div>
                </fieldset>
              ))}
            </fieldset>
            <button type="submit" class="button button-primary">
              {t.saveConsensus}
            </button>
          </Post>
        )}
        {(owner || applicant) &&
          ['selected', 'not_selected', 'ineligible'].includes(app.status) &&
          setup.call.status === 'decided' && (
            <p>
              <a href={pageHref('applicationLetter', lang, { id: app.id })}>{t.letter}</a>
            </p>
          )}
        <p>
          <a href={pageHref(owner || funder ? 'callProcess' : 'call', lang, { slug: setup.call.slug })}>
            {setup.call.title}
          </a>
        </p>
      </>
    );
  });
}

async function applicationAction(c: AppContext) {
  const { app } = await applicationOfPage(c);
  const editor = callerOf(c);
  const deps = c.get('deps');
  const now = deps.clock();
  const body = await formBody(c);
  const back = pageHref('application', c.get('lang'), { id: app.id });
  const scores = () =>
    Object.entries(body)
      .filter(([k, v]) => k.startsWith('score:') && typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) =>
        scoreInput.parse({ criterionId: k.slice(6), score: v, comment: str(body, `comment:${k.slice(6)}`) }),
      );
  return actAndReturn(c, back, async () => {
    switch (str(body, 'do')) {
      case 'declare':
        return declareConflict(
          deps.db,
          editor,
          app.id,
          { hasConflict: str(body, 'hasConflict') === 'yes', note: str(body, 'note') },
          now,
        );
      case 'score':
        for (const s of scores()) await scoreApplication(deps.db, editor, app.id, s, now);
        return;
      case 'consensus':
        for (const s of scores()) await setConsensus(deps.db, editor, app.id, s, now);
        return;
      case 'eligibility': {
        const setup = await findCallSetup(deps.db, app.callId);
        const checks = Object.fromEntries(
          (setup?.requirements ?? []).map((r) => [r.id, str(body, `pass:${r.id}`) === '1']),
        );
        const parsed = eligibilityInput.safeParse({ checks, reason: str(body, 'reason') });
        if (!parsed.success) throw new AppError('validation', 'reason required');
        return checkEligibility(deps.db, editor, app.id, parsed.data, now);
      }
      default:
        throw forbidden('unknown action');
    }
  });
}

async function letter(c: AppContext) {
  const { app, setup, owner, applicant } = await applicationOfPage(c);
  if (!owner && !applicant) throw forbidden('Not allowed: letter');
  if (setup.call.status !== 'decided') throw notFound('letter');
  const pdf = await decisionLetterPdf(c.get('deps').db, app.id, c.get('deps').clock());
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="afgoerelse-${app.id}.pdf"`,
    'X-Content-Type-Options': 'nosniff',
  });
}

async function attachment(c: AppContext) {
  const deps = c.get('deps');
  const file = await readAttachment(deps.db, callerOf(c), deps.config.dataDir, c.req.param('id') ?? '');
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

export function registerApplicationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callApply', applyPage);
  onPage(app, 'POST', 'callApply', applyAction);
  onPage(app, 'GET', 'applicationLetter', letter);
  onPage(app, 'GET', 'application', applicationPage);
  onPage(app, 'POST', 'application', applicationAction);
  onPage(app, 'GET', 'attachment', attachment);
}
