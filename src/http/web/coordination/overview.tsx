import type { Hono } from 'hono';
import { z } from 'zod';
import { coordinationOverview, funderPortfolio } from '../../../domain/coordination/funding-overview.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { coordinationMessages } from './messages.ts';
import { CoordinationOverviewView } from './views/overview.tsx';
import { PortfolioView } from './views/portfolio.tsx';

const yearQuery = z.object({ aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

async function overview(c: AppContext) {
  const overview = await coordinationOverview(c.get('deps').db, callerOf(c), {
    wantedYear: yearQuery.parse(c.req.query()).aar,
    currentYear: c.get('deps').clock().getUTCFullYear(),
  });
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  return renderPage(c, t.title, () => <CoordinationOverviewView overview={overview} lang={lang} t={t} />);
}

async function portfolio(c: AppContext) {
  const p = await funderPortfolio(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '');
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const title = t.portfolioTitle(p.funder.name);
  return renderPage(c, title, () => <PortfolioView p={p} title={title} lang={lang} t={t} />);
}

export function registerCoordinationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'coordination', overview);
  onPage(app, 'GET', 'coordinationFunder', portfolio);
}
