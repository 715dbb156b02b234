import type { Hono } from 'hono';
import { z } from 'zod';
import { dataQualityFor } from '../../../domain/evaluation/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import type { PageKey } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { evaluationMessages } from './messages.ts';
import { DataQualityPageView } from './views/quality.tsx';

const yearQuery = z.object({ aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/**
 * One page type under two paths: cluster staff see their own clusters, funders the clusters
 * they fund in the year, admins all. Which clusters is the domain's call, cluster by cluster.
 */
function qualityPage(page: PageKey) {
  return async (c: AppContext) => {
    const view = await dataQualityFor(c.get('deps').db, callerOf(c), {
      year: yearQuery.parse(c.req.query()).aar,
    });
    const lang = c.get('lang');
    const t = evaluationMessages(lang);
    return renderPage(c, t.quality.title, () => (
      <DataQualityPageView view={view} page={page} t={t} lang={lang} />
    ));
  };
}

export function registerQualityPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'dataQuality', qualityPage('dataQuality'));
  onPage(app, 'GET', 'fundingDataQuality', qualityPage('fundingDataQuality'));
}
