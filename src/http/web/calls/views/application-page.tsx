import type { Child } from 'hono/jsx';
import type { ApplicationView } from '../../../../domain/calls/application-view.ts';
import { nameOf } from '../../../../domain/glossary.ts';
import { formatAmount, formatDay } from '../../../../domain/reference/danish.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { applyMessages } from '../apply-messages.ts';
import type { CallFlowMessages } from '../messages.ts';
import { inLang } from '../shared.tsx';
import { budgetRows } from './apply-pages.tsx';
import { AttachmentList } from './apply-sections.tsx';

/**
 * The parts of one application's page, each shown as the call's rules allow (view.actions): the
 * assessor's conflict declaration, the application, eligibility and consensus for the owner, the
 * assessor's scores, and the decision letter.
 */

interface Props {
  t: CallFlowMessages;
  lang: Lang;
  view: ApplicationView;
}

/** A form posting one action of the application page. */
export function ApplicationPost({
  lang,
  csrfToken,
  view,
  what,
  children,
}: {
  lang: Lang;
  csrfToken: string;
  view: ApplicationView;
  what: string;
  children: Child;
}) {
  return (
    <form method="post" action={pageHref('application', lang, { id: view.id })}>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="do" value={what} />
      {children}
    </form>
  );
}

export function ConflictDeclaration({ t }: { t: CallFlowMessages }) {
  return (
    <>
      <fieldset>
        <legend class="h2">{t.conflictTitle}</legend>
        <p>{t.conflictLead}</p>
        <div class="form-group-radio">
          <input class="form-radio" type="radio" id="conflict-no" name="hasConflict" value="no" />
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
          <textarea class="form-input" id="note" name="note" rows={3} />
        </div>
      </fieldset>
      <button type="submit" class="button button-primary">
        {t.declare}
      </button>
    </>
  );
}

/** The applicant's answers and texts, for those who may read them. */
export function ApplicationContent({ t, lang, view }: Props) {
  const app = view.application;
  if (!app) return null;
  const total = app.budget.reduce((sum, b) => sum + b.amountDkk, 0);
  return (
    <>
      <p>
        {t.status}: <strong>{nameOf('applicationStatus', app.status, lang)}</strong>
      </p>
      {app.declaredCorrectAt && (
        <p>{t.declaredCorrect(app.declaredCorrectByName ?? '', formatDay(app.declaredCorrectAt, lang))}</p>
      )}
      <h2>{app.title}</h2>
      <dl class="summary-list">
        {view.setup.requirements.map((r) => (
          <>
            <dt>{inLang(lang, r.textDa, r.textEn)}</dt>
            <dd class="pre-line">{app.answers[r.id] ?? ''}</dd>
          </>
        ))}
        {view.setup.criteria.map((k) => (
          <>
            <dt>{inLang(lang, k.titleDa, k.titleEn)}</dt>
            <dd class="pre-line">{app.texts[k.id] ?? ''}</dd>
          </>
        ))}
      </dl>
      <h3>{t.budgetApplied}</h3>
      <dl class="summary-list">
        {[
          ...budgetRows(app.budget, lang),
          [applyMessages(lang).budgetTotal, formatAmount(total, lang)] as const,
        ].map(([label, amount]) => (
          <>
            <dt>{label}</dt>
            <dd>{amount}</dd>
          </>
        ))}
      </dl>
      <h3>{t.attachments}</h3>
      <AttachmentList t={applyMessages(lang)} lang={lang} attachments={view.attachments} />
      {app.eligibilityReason && (
        <p>
          {t.reason}: {app.eligibilityReason}
        </p>
      )}
    </>
  );
}

export function EligibilityCheck({ t, lang, view }: Props) {
  return (
    <>
      <fieldset>
        <legend class="h2">{t.eligibility}</legend>
        {view.setup.requirements.map((r) => (
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
    </>
  );
}

/** The assessor's own score and comment per criterion. */
export function Scores({ t, lang, view }: Props) {
  return (
    <>
      <fieldset>
        <legend class="h2">{t.scores}</legend>
        {view.board.map((row) => {
          // An assessor's view of the scores holds their own only.
          const mine = row.scores[0];
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
                <textarea
                  class="form-input"
                  id={`comment-${row.criterion.id}`}
                  name={`comment:${row.criterion.id}`}
                  rows={4}
                >
                  {mine?.comment ?? ''}
                </textarea>
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      <button type="submit" class="button button-primary">
        {t.saveScores}
      </button>
    </>
  );
}

/** The owner's agreed score per criterion, beside the individual scores and their spread. */
export function Consensus({ t, lang, view }: Props) {
  return (
    <>
      <fieldset>
        <legend class="h2">{t.consensus}</legend>
        {view.board.map((row) => (
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
    </>
  );
}

export function ConflictBlocked({ t }: { t: CallFlowMessages }) {
  return <Alert variant="warning">{t.conflictBlocked}</Alert>;
}

/** The decision for the applicant and the funders: what each funder granted per year, and the letter. */
export function Decision({ t, lang, view }: Props) {
  return (
    <section>
      <h2>{t.decisionTitle}</h2>
      {view.grants.length > 0 && (
        <dl class="summary-list">
          {view.grants.map((g) => (
            <>
              <dt>
                {g.funderName} {g.year}
              </dt>
              <dd>{formatAmount(g.amountDkk, lang)}</dd>
            </>
          ))}
        </dl>
      )}
      {view.sender && (
        <dl class="summary-list">
          <dt>{t.letterSender}</dt>
          <dd>{[view.sender.ownerName, ...view.sender.addressLines].join(', ')}</dd>
          {view.sender.officer && (
            <>
              <dt>{t.caseOfficer}</dt>
              <dd>
                {view.sender.officer.name},{' '}
                <a href={`mailto:${view.sender.officer.email}`}>{view.sender.officer.email}</a>
              </dd>
            </>
          )}
        </dl>
      )}
      <p>
        <a href={pageHref('applicationLetter', lang, { id: view.id })}>{t.letter}</a>
      </p>
    </section>
  );
}
