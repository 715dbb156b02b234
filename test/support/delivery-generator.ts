/**
 * Generates a reporting delivery (CSV text per the spec) from a seed, and computes the
 * performance account of it straight from the spec's definitions, in plain JavaScript over the
 * generated rows: an oracle independent of the SQL under test.
 */
import { completeCvr } from '../../src/domain/reference/identifiers.ts';

export interface GeneratedDelivery {
  clustersCsv: string;
  activitiesCsv: string;
  participantsCsv: string;
  clusterCvrs: string[];
  /** The league of each cluster, in the order of clusterCvrs. */
  clusterLeagues: string[];
  /** The account of the year: national, of one cluster (its CVR) or of a set of clusters (their CVRs). */
  expected(year: number, clusters?: string | readonly string[]): Record<string, unknown>;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  'innovation_collaboration',
  'internationalisation',
  'knowledge_dissemination',
  'networking',
];
const REGION_OF: Record<string, string> = {
  '101': '1084',
  '461': '1083',
  '751': '1082',
  '851': '1081',
  '259': '1085',
};
const MUNIS = Object.keys(REGION_OF);
const INDUSTRIES = ['282900', '620100', '101100', '711200', '351100'];

const csv = (rows: (string | number)[][]) =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n')}\n`;

export function generateDelivery(
  seed: number,
  opts: { clusters?: number; companies?: number; activities?: number; leagues?: readonly string[] } = {},
): GeneratedDelivery {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  let next = 2_000_000 + (seed % 1000) * 3000;
  const cvr = () => {
    for (;;) {
      const c = completeCvr(String(next++));
      if (c) return c;
    }
  };
  const clusters = Array.from({ length: opts.clusters ?? 3 }, (_, i) => ({
    cvr: cvr(),
    name: `Testklynge ${seed}-${i}, "gen"`,
    strongholds: i === 0 ? [] : [pick(INDUSTRIES).slice(0, 2 + i)],
    // Without leagues asked for, every cluster is in the regional league.
    league: opts.leagues?.[i % opts.leagues.length] ?? 'regional',
  }));
  const companies = Array.from({ length: opts.companies ?? 60 }, (_, i) => ({
    cvr: cvr(),
    name: `Virksomhed ${i} ApS`,
    employees: r() < 0.1 ? '' : String(Math.floor(r() * 200)),
    municipality: r() < 0.1 ? '' : pick(MUNIS),
    industry: r() < 0.15 ? '' : pick(INDUSTRIES),
  }));
  const kis = Array.from({ length: 4 }, (_, i) => ({ cvr: cvr(), name: `Universitet ${i}` }));
  const activities: {
    cluster: string;
    ref: string;
    category: string;
    start: string;
    grant: number;
    ext: string;
    hours: string;
  }[] = [];
  type Part = {
    cluster: string;
    ref: string;
    type: string;
    cvr: string;
    name: string;
    country: string;
    c: string;
    i: string;
    p: string;
  };
  const parts: Part[] = [];
  for (let a = 0; a < (opts.activities ?? 40); a++) {
    const cluster = pick(clusters).cvr;
    const year = pick([2022, 2023, 2023]);
    const ref = `A-${a}`;
    activities.push({
      cluster,
      ref,
      category: pick(CATEGORIES),
      start: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`,
      grant: Math.floor(r() * 100_000),
      ext: r() < 0.3 ? '' : String(Math.floor(r() * 50_000)),
      hours: r() < 0.3 ? '' : (Math.floor(r() * 400) / 4).toFixed(2),
    });
    const chosen = new Set<number>();
    const n = 2 + Math.floor(r() * 6);
    while (chosen.size < n) chosen.add(Math.floor(r() * companies.length));
    for (const k of chosen) {
      const co = companies[k] as (typeof companies)[number];
      const flag = (p: number) => (r() < p ? '1' : r() < 0.5 ? '0' : '');
      parts.push({
        cluster,
        ref,
        type: 'company',
        cvr: co.cvr,
        name: co.name,
        country: '',
        c: flag(0.4),
        i: flag(0.3),
        p: flag(0.2),
      });
    }
    if (r() < 0.6)
      parts.push({
        cluster,
        ref,
        type: 'knowledge_institution',
        cvr: pick(kis).cvr,
        name: 'Universitet',
        country: '',
        c: '',
        i: '',
        p: '',
      });
    if (r() < 0.2)
      parts.push({
        cluster,
        ref,
        type: 'foreign',
        cvr: '',
        name: `Foreign ${a}`,
        country: 'SE',
        c: '1',
        i: '',
        p: '',
      });
  }
  const companyOf = new Map(companies.map((c) => [c.cvr, c]));

  const expected = (year: number, scope?: string | readonly string[]) => {
    const inScope = (c: string) =>
      scope === undefined || (typeof scope === 'string' ? c === scope : scope.includes(c));
    const acts = activities.filter((a) => a.start.startsWith(String(year)) && inScope(a.cluster));
    const key = (a: { cluster: string; ref: string }) => `${a.cluster}|${a.ref}`;
    const actByKey = new Map(acts.map((a) => [key(a), a]));
    const ps = parts.filter((p) => actByKey.has(key(p)));
    const firms = ps.filter((p) => p.type === 'company');
    const distinct = (xs: Part[]) => new Set(xs.map((p) => p.cvr)).size;
    const small = (p: Part) => {
      const e = companyOf.get(p.cvr)?.employees ?? '';
      return e !== '' && Number(e) < 50;
    };
    const kiActs = new Set(ps.filter((p) => p.type === 'knowledge_institution').map(key));
    const byRegion: Record<string, Set<string>> = {};
    for (const p of firms.filter((f) => f.p === '1')) {
      const m = companyOf.get(p.cvr)?.municipality ?? '';
      const region = m === '' ? 'unknown' : (REGION_OF[m] as string);
      byRegion[region] ??= new Set();
      byRegion[region].add(p.cvr);
    }
    const pairs = new Map<string, { cluster: string; industry: string }>();
    for (const p of firms) {
      const industry = companyOf.get(p.cvr)?.industry ?? '';
      if (industry !== '') pairs.set(`${p.cluster}|${p.cvr}`, { cluster: p.cluster, industry });
    }
    const judged = [...pairs.values()].filter(
      (x) => (clusters.find((c) => c.cvr === x.cluster)?.strongholds.length ?? 0) > 0,
    );
    const outside = judged.filter(
      (x) =>
        !(clusters.find((c) => c.cvr === x.cluster)?.strongholds ?? []).some((s) => x.industry.startsWith(s)),
    );
    return {
      year,
      activities: acts.length,
      participating_companies: distinct(firms),
      small_participating_companies: distinct(firms.filter(small)),
      new_competence_companies: distinct(firms.filter((p) => p.c === '1')),
      new_idea_companies: distinct(firms.filter((p) => p.i === '1')),
      innovating_companies: distinct(firms.filter((p) => p.p === '1')),
      small_innovating_companies: distinct(firms.filter((p) => p.p === '1' && small(p))),
      collaborating_companies: distinct(
        firms.filter(
          (p) => actByKey.get(key(p))?.category === 'innovation_collaboration' && kiActs.has(key(p)),
        ),
      ),
      international_companies: distinct(
        firms.filter((p) => actByKey.get(key(p))?.category === 'internationalisation'),
      ),
      knowledge_institution_participations: ps.filter((p) => p.type === 'knowledge_institution').length,
      activities_with_knowledge_institution: kiActs.size,
      innovating_companies_by_region: Object.fromEntries(
        Object.entries(byRegion).map(([k, v]) => [k, v.size]),
      ),
      gold_clusters: 0,
      silver_clusters: 0,
      bronze_clusters: 0,
      grant_dkk: acts.reduce((s, a) => s + a.grant, 0),
      external_funding_dkk: acts.reduce((s, a) => s + (a.ext === '' ? 0 : Number(a.ext)), 0),
      private_cofinancing_dkk: acts.reduce((s, a) => s + (a.hours === '' ? 0 : Number(a.hours)), 0) * 600,
      share_outside_strongholds: judged.length === 0 ? null : outside.length / judged.length,
    };
  };

  return {
    clusterCvrs: clusters.map((c) => c.cvr),
    clusterLeagues: clusters.map((c) => c.league),
    clustersCsv: csv([
      ['cvr', 'name', 'league', 'municipality_code', 'website', 'stronghold_industries'],
      ...clusters.map((c) => [c.cvr, c.name, c.league, '461', '', c.strongholds.join(' ')]),
    ]),
    activitiesCsv: csv([
      [
        'cluster_cvr',
        'activity_ref',
        'title',
        'category',
        'start_date',
        'grant_dkk',
        'external_funding_dkk',
        'private_cofinancing_hours',
      ],
      ...activities.map((a) => [
        a.cluster,
        a.ref,
        `Aktivitet ${a.ref}`,
        a.category,
        a.start,
        a.grant,
        a.ext,
        a.hours,
      ]),
    ]),
    participantsCsv: csv([
      [
        'cluster_cvr',
        'activity_ref',
        'participant_type',
        'cvr',
        'name',
        'country',
        'employees',
        'municipality_code',
        'industry_code',
        'new_competence',
        'new_idea',
        'new_product',
      ],
      ...parts.map((p) => {
        const co = companyOf.get(p.cvr);
        return [
          p.cluster,
          p.ref,
          p.type,
          p.cvr,
          p.name,
          p.country,
          co?.employees ?? '',
          co?.municipality ?? '',
          co?.industry ?? '',
          p.c,
          p.i,
          p.p,
        ];
      }),
    ]),
    expected,
  };
}
