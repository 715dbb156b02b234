import type { Hono } from 'hono';
import { partnerQueryShape, searchPartners } from '../../../domain/companies/partner-search.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { lenientQuery } from '../../lenient-query.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { companyMessages } from './messages.ts';
import { PartnersView } from './views/partners.tsx';

/** The public partner search, from the query string. */
async function partners(c: AppContext) {
  const f = lenientQuery(partnerQueryShape, c.req.query());
  const result = await searchPartners(c.get('deps').db, f);
  const t = companyMessages(c.get('lang'));
  return renderPage(c, t.partnersTitle, () => (
    <PartnersView f={f} partners={result.partners} total={result.total} lang={c.get('lang')} t={t} />
  ));
}

export function registerPartnerPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'partners', partners);
}
