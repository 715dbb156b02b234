import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { mergeCandidates, mergeOrganisations, mergePreview } from '../../../domain/organisations/merge.ts';
import { organisationMergeForm } from '../../../domain/organisations/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert, SelectField } from '../../views/forms.tsx';
import type { Chrome } from '../../views/layout.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type MergeMessages, mergeMessages } from './merge-messages.ts';

type Preview = Awaited<ReturnType<typeof mergePreview>>;

/** The references that move, under the reader's words: the named kinds, the rest as "other records". */
function movedByLabel(t: MergeMessages, references: Preview['references']): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of references) {
    const label = t.references[r.table] ?? t.references.other ?? '';
    totals.set(label, (totals.get(label) ?? 0) + r.count);
  }
  return [...totals];
}

const named = (t: MergeMessages, o: { name: string; cvr: string | null }) =>
  `${o.name} (${o.cvr ? `CVR ${o.cvr}` : t.noCvr})`;

/** "Tjek og flet": both records, what moves, and the button; or why they cannot be merged. */
function CheckAndMerge({ ch, t, preview }: { ch: Chrome; t: MergeMessages; preview: Preview }) {
  const moved = movedByLabel(t, preview.references);
  return (
    <>
      <h2>{t.check}</h2>
      <dl class="summary-list">
        <dt>{t.removed}</dt>
        <dd>{named(t, preview.removed)}</dd>
        <dt>{t.kept}</dt>
        <dd>{named(t, preview.survivor)}</dd>
        <dt>{t.moves}</dt>
        <dd>
          {moved.length === 0 ? (
            t.movesNothing
          ) : (
            <ul class="nobullet-list">
              {moved.map(([label, count]) => (
                <li>
                  {label}: {count}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {preview.refused ? (
        <Alert variant="error">{t.refusals[preview.refused] ?? preview.refused}</Alert>
      ) : (
        <form method="post" action={pageHref('adminOrganisationMerge', ch.lang, { id: preview.removed.id })}>
          <CsrfField token={ch.csrfToken} />
          <input type="hidden" name="survivorId" value={preview.survivor.id} />
          <button type="submit" class="button button-primary">
            {t.confirm}
          </button>
        </form>
      )}
    </>
  );
}

/** The merge page of one record: choose the record to keep, then check and merge. */
async function mergePage(c: AppContext, refusal?: { reason: string | undefined; status: 409 | 422 }) {
  const t = mergeMessages(c.get('lang'));
  const { db } = c.get('deps');
  const caller = callerOf(c);
  const id = c.req.param('id') ?? '';
  const { removed, candidates } = await mergeCandidates(db, caller, id);
  const survivorId = candidates.find((o) => o.id === c.req.query('organisation'))?.id;
  const preview = survivorId ? await mergePreview(db, caller, id, survivorId) : null;
  return renderPage(
    c,
    t.title(removed.name),
    (ch) => (
      <>
        <p>
          <a href={pageHref('adminOrganisation', ch.lang, { id })}>{t.cancel}</a>
        </p>
        <h1>{t.title(removed.name)}</h1>
        <p class="font-lead">{t.intro}</p>
        {refusal && (
          <Alert variant="error">{t.refusals[refusal.reason ?? ''] ?? t.refusals.mergeChoose}</Alert>
        )}
        {candidates.length === 0 ? (
          <p>{t.noCandidates}</p>
        ) : (
          <form method="get" action={pageHref('adminOrganisationMerge', ch.lang, { id })}>
            <SelectField
              name="organisation"
              label={t.survivor}
              placeholder={t.choose}
              value={survivorId}
              options={candidates.map((o) => ({ value: o.id, label: named(t, o) }))}
            />
            <button type="submit" class="button button-secondary">
              {t.check}
            </button>
          </form>
        )}
        {preview && <CheckAndMerge ch={ch} t={t} preview={preview} />}
      </>
    ),
    refusal?.status ?? 200,
  );
}

/** Merging two records of one organisation: `/admin/organisationer/:id/flet` ("Tjek og flet"). */
export function registerOrganisationMergePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminOrganisationMerge', (c) => mergePage(c));

  onPage(app, 'POST', 'adminOrganisationMerge', async (c) => {
    const removedId = c.req.param('id') ?? '';
    const parsed = organisationMergeForm.safeParse(formFields(await c.req.parseBody()));
    if (!parsed.success) return mergePage(c, { reason: 'mergeChoose', status: 422 });
    try {
      await mergeOrganisations(c.get('deps').db, callerOf(c), {
        removedId,
        survivorId: parsed.data.survivorId,
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
      return mergePage(c, { reason: e.issues[0]?.message, status: 409 });
    }
    const location = pageHref(
      'adminOrganisation',
      c.get('lang'),
      { id: parsed.data.survivorId },
      { saved: 'merged' },
    );
    return c.redirect(location, 303);
  });
}
