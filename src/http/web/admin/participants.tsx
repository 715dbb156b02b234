/**
 * An administrator's pages for a participant's personal data (a sole proprietorship is a
 * person): search by CVR number or name, export as JSON or PDF, and erasure after a
 * confirmation step, ending on a receipt. The commands check the policy themselves.
 */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { eraseParticipant } from '../../../domain/personal-data/erasure.ts';
import { participantDataExport } from '../../../domain/personal-data/export.ts';
import {
  PARTICIPANT_SEARCH_LIMIT,
  type ParticipantHit,
  participantByCvr,
  searchParticipants,
} from '../../../domain/personal-data/participants.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { jsonDownload, pdfDownload } from '../personal-data/exports.ts';
import { onPage } from '../routes.ts';
import { type ParticipantMessages, participantMessages } from './participants.messages.ts';

const years = (p: ParticipantHit) =>
  p.firstYear === null
    ? ''
    : p.firstYear === p.lastYear
      ? String(p.firstYear)
      : `${p.firstYear}–${p.lastYear}`;

function Hits({ hits, q, t, ch }: { hits: ParticipantHit[]; q: string; t: ParticipantMessages; ch: Chrome }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <caption>{t.caption(q)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.cvr}</th>
            <th scope="col" class="text-align-right">
              {t.participations}
            </th>
            <th scope="col">{t.years}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((p) => {
            const name = p.name ?? p.cvr;
            const params = { cvr: p.cvr };
            return (
              <tr>
                <td>
                  {p.name ?? t.unnamed}
                  {p.synthetic && ` (${t.synthetic})`}
                </td>
                <td>{p.cvr}</td>
                <td class="text-align-right">{p.participations}</td>
                <td>{years(p)}</td>
                <td>
                  <a
                    href={pageHref('adminParticipantDataJson', ch.lang, params)}
                    aria-label={t.jsonLabel(name)}
                  >
                    {t.json}
                  </a>
                  {' · '}
                  <a
                    href={pageHref('adminParticipantDataPdf', ch.lang, params)}
                    aria-label={t.pdfLabel(name)}
                  >
                    {t.pdf}
                  </a>
                  {' · '}
                  <a
                    href={pageHref('adminParticipantErase', ch.lang, params)}
                    aria-label={t.eraseLabel(name)}
                  >
                    {t.erase}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The search form, its result and, after an erasure, the receipt. */
async function searchPage(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const t = participantMessages(c.get('lang'));
  const q = c.req.query('q') ?? '';
  const erased = c.req.query('slettet');
  let found: Awaited<ReturnType<typeof searchParticipants>> = null;
  let errors: FieldErrors = {};
  try {
    found = await searchParticipants(deps.db, caller, q);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'validation')) throw e;
    errors = toFieldErrors(e.issues, c.get('m'), { tooShort: t.tooShort, tooLong: t.tooLong });
  }
  return renderPage(
    c,
    t.title,
    (ch) => (
      <>
        <h1>{t.title}</h1>
        {erased && (
          <Alert variant="success" heading={t.receiptHeading}>
            {t.receipt(erased)}
          </Alert>
        )}
        <p>{t.intro}</p>
        <ErrorSummary m={ch.m} errors={errors} />
        <form method="get" action={href('adminParticipants', ch.lang)}>
          <TextField name="q" type="search" label={t.search} hint={t.searchHint} value={q} error={errors.q} />
          <button type="submit" class="button button-primary">
            {t.searchButton}
          </button>
        </form>
        {found && found.hits.length === 0 && <p>{t.none(q.trim())}</p>}
        {found && found.hits.length > 0 && <Hits hits={found.hits} q={q.trim()} t={t} ch={ch} />}
        {found?.more && <p>{t.more(PARTICIPANT_SEARCH_LIMIT)}</p>}
      </>
    ),
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** The confirmation step before an erasure: what will happen, a checkbox, and a way back. */
async function confirmPage(c: AppContext, errors: FieldErrors = {}) {
  const deps = c.get('deps');
  const p = await participantByCvr(deps.db, callerOf(c), c.req.param('cvr') ?? '');
  const t = participantMessages(c.get('lang'));
  const title = t.confirmTitle(p.name ?? p.cvr);
  return renderPage(
    c,
    title,
    (ch) => (
      <>
        <h1>{title}</h1>
        <ErrorSummary m={ch.m} errors={errors} />
        <dl class="summary-list">
          <dt>{t.cvr}</dt>
          <dd>{p.cvr}</dd>
          <dt>{t.participations}</dt>
          <dd>
            {t.facts(p.participations, p.clusters)}
            {p.firstYear !== null && ` (${years(p)})`}
          </dd>
        </dl>
        <p>{t.confirmIntro}</p>
        <form method="post" action={pageHref('adminParticipantErase', ch.lang, { cvr: p.cvr })}>
          <CsrfField token={ch.csrfToken} />
          <div class={errors.confirm ? 'form-group form-error' : 'form-group'}>
            {errors.confirm && (
              <span class="form-error-message" id="confirm-error">
                {errors.confirm}
              </span>
            )}
            <div class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id="confirm"
                name="confirm"
                value="yes"
                aria-describedby={errors.confirm ? 'confirm-error' : undefined}
              />
              <label for="confirm">{t.confirm}</label>
            </div>
          </div>
          <button type="submit" class="button button-primary">
            {t.confirmButton}
          </button>{' '}
          <a class="button button-secondary" href={href('adminParticipants', ch.lang, { q: p.cvr })}>
            {t.cancel}
          </a>
        </form>
      </>
    ),
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

async function participantData(c: AppContext) {
  const deps = c.get('deps');
  return participantDataExport(deps.db, callerOf(c), c.req.param('cvr') ?? '', deps.clock());
}

export function registerParticipantDataPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminParticipants', searchPage);
  onPage(app, 'GET', 'adminParticipantDataJson', async (c) => jsonDownload(c, await participantData(c)));
  onPage(app, 'GET', 'adminParticipantDataPdf', async (c) => pdfDownload(c, await participantData(c)));
  onPage(app, 'GET', 'adminParticipantErase', (c) => confirmPage(c));
  onPage(app, 'POST', 'adminParticipantErase', async (c) => {
    const fields = formFields(await c.req.parseBody());
    if (fields.confirm !== 'yes')
      return confirmPage(c, { confirm: participantMessages(c.get('lang')).confirmMissing });
    const deps = c.get('deps');
    const { pseudonym } = await eraseParticipant(deps.db, callerOf(c), c.req.param('cvr') ?? '');
    return c.redirect(href('adminParticipants', c.get('lang'), { slettet: pseudonym }), 303);
  });
}
