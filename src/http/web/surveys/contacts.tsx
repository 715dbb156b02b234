/** The cluster's company contacts for surveys: the list's size, a new list (CSV) and deleting it. */
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import {
  contactLists,
  deleteCompanyContacts,
  replaceCompanyContacts,
} from '../../../domain/surveys/contacts.ts';
import { toCsv } from '../../../reports/csv-writer.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { recipientMessages } from './recipients.messages.ts';
import { ContactsPage, type ContactsState } from './views/contacts.tsx';

const EMPTY: ContactsState = { notice: null, issues: [] };

async function page(c: AppContext, state: ContactsState = EMPTY, status: 200 | 413 | 422 = 200) {
  const lists = await contactLists(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = recipientMessages(lang);
  return renderPage(
    c,
    t.contactsTitle,
    ({ csrfToken, m }) => (
      <ContactsPage v={{ lang, t, m }} lists={lists} state={state} csrfToken={csrfToken} />
    ),
    status,
  );
}

/** The cluster a form names, when the person works for several; else the domain takes their first. */
const clusterField = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

async function upload(c: AppContext) {
  const t = recipientMessages(c.get('lang'));
  const form = uploadedForm(c);
  const file = form.files.find((f) => f.field === 'file');
  if (!file) return page(c, { ...EMPTY, fileError: t.noFile }, 422);
  const bytes = new Uint8Array(await readFile(file.path));
  const cluster = clusterField(form.fields.cluster);
  const result = await replaceCompanyContacts(
    c.get('deps').db,
    callerOf(c),
    bytes,
    c.get('deps').clock(),
    cluster,
  );
  if (result.saved === null)
    return page(
      c,
      { ...EMPTY, issues: result.issues },
      result.issues.some((i) => i.code === 'tooLarge') ? 413 : 422,
    );
  return page(c, { ...EMPTY, notice: t.contactsSaved(result.saved) });
}

async function remove(c: AppContext) {
  const body = await c.req.parseBody();
  const deleted = await deleteCompanyContacts(c.get('deps').db, callerOf(c), clusterField(body.cluster));
  return page(c, { ...EMPTY, notice: recipientMessages(c.get('lang')).contactsDeleted(deleted) });
}

export function registerContactPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'companyContacts', (c) => page(c));
  onPage(app, 'POST', 'companyContacts', upload);
  onPage(app, 'POST', 'companyContactsDelete', remove);
  onPage(app, 'GET', 'companyContactsTemplate', (c) => {
    c.header('Content-Disposition', 'attachment; filename="virksomhedskontakter.csv"');
    return c.body(`\uFEFF${toCsv(['cvr', 'email', 'navn'], [])}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });
}
