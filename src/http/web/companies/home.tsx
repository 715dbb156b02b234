import type { Hono } from 'hono';
import { ownCompanyProfile, updateCompanyProfile } from '../../../domain/companies/profile.ts';
import { AppError } from '../../../domain/errors.ts';
import { ownItems } from '../../../domain/marketplace/queries.ts';
import { myCourseRegistrations } from '../../../domain/support/registrations.ts';
import { callerOf } from '../../caller.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { companyMessages } from './messages.ts';
import { CompanyHomeView, profileValues } from './views/home.tsx';

const messagesOf = (c: AppContext) => companyMessages(c.get('lang'));

/** The company user's page: what they land on after signing in. */
async function home(c: AppContext, posted?: PostedForm) {
  const db = c.get('deps').db;
  const caller = callerOf(c);
  const profile = await ownCompanyProfile(db, caller);
  const items = await ownItems(db, caller);
  const courses = await myCourseRegistrations(db, caller);
  const t = messagesOf(c);
  const form = posted ?? { values: profileValues(profile), errors: {} };
  return renderPage(
    c,
    t.homeTitle,
    ({ csrfToken, m }) => (
      <CompanyHomeView
        profile={profile}
        form={form}
        saved={c.req.query('gemt') === '1'}
        items={items}
        courses={courses}
        now={c.get('deps').clock()}
        today={today(c)}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    posted ? 422 : 200,
  );
}

const TEXTS = ['description', 'technologies', 'industryCode', 'size', 'seeks'];

async function save(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const values = {
    ...Object.fromEntries(TEXTS.map((k) => [k, formText(body[k])])),
    themes: formList(body.themes),
    languages: formList(body.languages),
  };
  try {
    await updateCompanyProfile(deps.db, callerOf(c), values, deps.clock());
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = messagesOf(c);
      const labels = {
        description: t.description,
        technologies: t.technologies,
        themes: t.themes,
        industryCode: t.industryCode,
        size: t.size,
        languages: t.languages,
        seeks: t.seeks,
      };
      return home(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
    }
    throw err;
  }
  return c.redirect(href('companyHome', c.get('lang'), { gemt: '1' }), 303);
}

export function registerCompanyHomePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'companyHome', (c) => home(c));
  onPage(app, 'POST', 'companyHome', save);
}
