/** Choosing a survey's recipients: from the platform, or an uploaded list with line and column errors. */
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { addPlatformAudience, addUploadedAudience } from '../../../domain/surveys/audiences.ts';
import { registrantEvents } from '../../../domain/surveys/event-registrants.ts';
import { surveyOverview } from '../../../domain/surveys/listing.ts';
import { surveyTitle } from '../../../domain/surveys/store.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { onPage } from '../routes.ts';
import { surveyMessages } from './messages.ts';
import { recipientMessages } from './recipients.messages.ts';
import { RecipientsPage, type RecipientsState } from './views/recipients.tsx';

const idOf = (c: AppContext) => c.req.param('id') ?? '';
const now = (c: AppContext) => c.get('deps').clock();
const EMPTY: RecipientsState = {
  values: { source: 'participating_companies' },
  errors: {},
  result: null,
  issues: [],
};

async function page(c: AppContext, state: RecipientsState = EMPTY, status: 200 | 413 | 422 = 200) {
  const { db } = c.get('deps');
  const overview = await surveyOverview(db, callerOf(c), idOf(c), now(c));
  const events = await registrantEvents(db, callerOf(c));
  const lang = c.get('lang');
  const t = recipientMessages(lang);
  return renderPage(
    c,
    `${t.title}: ${surveyTitle(overview.survey, lang)}`,
    ({ csrfToken, m }) => (
      <RecipientsPage
        v={{ lang, t, m }}
        overview={overview}
        events={events}
        state={state}
        csrfToken={csrfToken}
      />
    ),
    status,
  );
}

async function addFromPlatform(c: AppContext) {
  const values = formFields(await c.req.parseBody());
  try {
    const result = await addPlatformAudience(c.get('deps').db, callerOf(c), idOf(c), values, now(c));
    return page(c, { ...EMPTY, values, result });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = surveyMessages(c.get('lang'));
      return page(c, { ...EMPTY, values, errors: toFieldErrors(err.issues, c.get('m'), t.errors) }, 422);
    }
    throw err;
  }
}

async function addFromList(c: AppContext) {
  const t = recipientMessages(c.get('lang'));
  // The CSRF check has streamed the file to disk (an empty file input is no file).
  const file = uploadedForm(c).files.find((f) => f.field === 'file');
  if (!file) return page(c, { ...EMPTY, errors: { file: t.noFile } }, 422);
  // The body limit keeps the file to about 2 MB, so its bytes may as well be read whole.
  const bytes = new Uint8Array(await readFile(file.path));
  const { result, issues } = await addUploadedAudience(c.get('deps').db, callerOf(c), idOf(c), bytes);
  if (!result) return page(c, { ...EMPTY, issues }, issues.some((i) => i.code === 'tooLarge') ? 413 : 422);
  return page(c, { ...EMPTY, result });
}

export function registerRecipientPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'surveyRecipients', (c) => page(c));
  onPage(app, 'POST', 'surveyRecipients', addFromPlatform);
  onPage(app, 'POST', 'surveyRecipientList', addFromList);
}
