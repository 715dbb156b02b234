import type { Hono } from 'hono';
import { z } from 'zod';
import { FIGURE_KEYS, LEAGUES } from '../../../domain/evaluation/figures.ts';
import { type BenchmarkView, ownBenchmark, supportBenchmark } from '../../../domain/evaluation/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import type { PageKey } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { evaluationMessages } from './messages.ts';
import { BenchmarkPageView, type View } from './views/benchmark.tsx';

/** Unknown query values fall back to defaults, as in a catalogue filter. */
const benchmarkQuery = z.object({
  aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  klynge: z.string().max(200).optional().catch(undefined),
  liga: z.enum(LEAGUES).optional().catch(undefined),
  noegletal: z.enum(FIGURE_KEYS).optional().catch(undefined),
});

function render(
  c: AppContext,
  page: PageKey,
  found: BenchmarkView | null,
  extra: Pick<View, 'namedKey'>,
  lead: string,
) {
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const v: View | null = found && { ...found, t, lang, page, ...extra };
  return renderPage(c, t.benchmark.title, () => <BenchmarkPageView v={v} t={t} lead={lead} />);
}

/** Cluster staff: their own cluster against the anonymous peers of its league. */
async function ownBenchmarkPage(c: AppContext) {
  const q = benchmarkQuery.parse(c.req.query());
  const found = await ownBenchmark(c.get('deps').db, callerOf(c), { year: q.aar, clusterSlug: q.klynge });
  return render(
    c,
    'benchmarking',
    found,
    { namedKey: null },
    evaluationMessages(c.get('lang')).benchmark.lead,
  );
}

/** Support function and admins: any league, every cluster named. */
async function supportBenchmarkPage(c: AppContext) {
  const q = benchmarkQuery.parse(c.req.query());
  const found = await supportBenchmark(c.get('deps').db, callerOf(c), {
    year: q.aar,
    league: q.liga,
    clusterSlug: q.klynge,
  });
  const namedKey = q.noegletal ?? 'participating_companies';
  return render(
    c,
    'supportBenchmarking',
    found,
    { namedKey },
    evaluationMessages(c.get('lang')).benchmark.supportLead,
  );
}

export function registerBenchmarkingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'benchmarking', ownBenchmarkPage);
  onPage(app, 'GET', 'supportBenchmarking', supportBenchmarkPage);
}
