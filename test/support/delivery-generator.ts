/**
 * Generates a reporting delivery (CSV text per the spec, format 1.1) from a seed, and computes the
 * performance account of it straight from the spec's definitions, in plain JavaScript over the
 * generated rows: an oracle independent of the SQL under test. A company is often described
 * differently by the participations that report it (another size, address or industry), so the
 * rule "classified per scope and year by its latest participation there" decides the figures.
 */
import { completeCvr } from '../../src/domain/reference/identifiers.ts';

export interface GeneratedDelivery {
  clustersCsv: string;
  activitiesCsv: string;
  participantsCsv: string;
  clusterCvrs: string[];
  /** The league of each cluster, in the order of clusterCvrs. */
  clusterLeagues: string[];
  /**
   * The account of the year: national, of one cluster (its CVR) or of a set of clusters (their
   * CVRs), marked preliminary or official. An official account counts the approved clusters only:
   * pass those as the set.
   */
  expected(
    year: number,
    clusters?: string | readonly string[],
    basis?: 'official' | 'preliminary',
  ): Record<string, unknown>;
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
const KINDS = ['university', 'business_academy', 'university_college', 'gts', 'artistic', 'other'];

/** A participation's description of its company, as the reporting cluster gave it. */
interface Described {
  employees: string;
  municipality: string;
  industry: string;
}

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
    fees: string;
    sponsorship: string;
    foundations: string;
    eu: string;
  }[] = [];
  type Part = Described & {
    cluster: string;
    ref: string;
    type: string;
    cvr: string;
    name: string;
    country: string;
    kind: string;
    c: string;
    i: string;
    p: string;
  };
  const money = (chance: number) => (r() < chance ? String(Math.floor(r() * 40_000)) : '');
  // A third of the participations describe their company otherwise than the company's own data.
  const describe = (co: (typeof companies)[number]): Described =>
    r() < 0.35
      ? {
          employees: r() < 0.1 ? '' : String(Math.floor(r() * 200)),
          municipality: r() < 0.1 ? '' : pick(MUNIS),
          industry: r() < 0.15 ? '' : pick(INDUSTRIES),
        }
      : { employees: co.employees, municipality: co.municipality, industry: co.industry };
  const undescribed: Described = { employees: '', municipality: '', industry: '' };
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
      fees: money(0.4),
      sponsorship: money(0.2),
      foundations: money(0.1),
      eu: r() < 0.2 ? '1' : r() < 0.5 ? '0' : '',
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
        kind: '',
        ...describe(co),
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
        kind: r() < 0.2 ? '' : pick(KINDS),
        ...undescribed,
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
        kind: '',
        ...undescribed,
        c: '1',
        i: '',
        p: '',
      });
  }

  const expected = (
    year: number,
    scope?: string | readonly string[],
    basis: 'official' | 'preliminary' = 'official',
  ) => {
    const inScope = (c: string) =>
      scope === undefined || (typeof scope === 'string' ? c === scope : scope.includes(c));
    const acts = activities.filter((a) => a.start.startsWith(String(year)) && inScope(a.cluster));
    const key = (a: { cluster: string; ref: string }) => `${a.cluster}|${a.ref}`;
    const actByKey = new Map(acts.map((a) => [key(a), a]));
    const ps = parts.filter((p) => actByKey.has(key(p)));
    const firms = ps.filter((p) => p.type === 'company');
    const distinct = (xs: Part[]) => new Set(xs.map((p) => p.cvr)).size;
    // Each company as its latest participation in the scope and year describes it: the latest
    // start date, then (one delivery here) the lowest activity_ref, then the lowest cluster CVR.
    const later = (a: Part, b: Part) => {
      const sa = actByKey.get(key(a))?.start ?? '';
      const sb = actByKey.get(key(b))?.start ?? '';
      if (sa !== sb) return sa > sb;
      if (a.ref !== b.ref) return a.ref < b.ref;
      return a.cluster < b.cluster;
    };
    const latest = new Map<string, Part>();
    for (const p of firms) {
      const seen = latest.get(p.cvr);
      if (!seen || later(p, seen)) latest.set(p.cvr, p);
    }
    const described = (p: Part) => latest.get(p.cvr) as Part;
    const small = (p: Part) => {
      const e = described(p).employees;
      return e !== '' && Number(e) < 50;
    };
    const kiParts = ps.filter((p) => p.type === 'knowledge_institution');
    const kiActs = new Set(kiParts.map(key));
    const byRegion: Record<string, Set<string>> = {};
    for (const p of firms.filter((f) => f.p === '1')) {
      const m = described(p).municipality;
      const region = m === '' ? 'unknown' : (REGION_OF[m] as string);
      byRegion[region] ??= new Set();
      byRegion[region].add(p.cvr);
    }
    const byKind: Record<string, number> = {};
    for (const p of kiParts) {
      const kind = p.kind === '' ? 'unknown' : p.kind;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    const pairs = new Map<string, { cluster: string; industry: string }>();
    for (const p of firms) {
      const industry = described(p).industry;
      if (industry !== '') pairs.set(`${p.cluster}|${p.cvr}`, { cluster: p.cluster, industry });
    }
    const judged = [...pairs.values()].filter(
      (x) => (clusters.find((c) => c.cvr === x.cluster)?.strongholds.length ?? 0) > 0,
    );
    const outside = judged.filter(
      (x) =>
        !(clusters.find((c) => c.cvr === x.cluster)?.strongholds ?? []).some((s) => x.industry.startsWith(s)),
    );
    const sum = (pickValue: (a: (typeof acts)[number]) => string | number) =>
      acts.reduce((total, a) => total + (pickValue(a) === '' ? 0 : Number(pickValue(a))), 0);
    const hours = sum((a) => a.hours) * 600;
    return {
      year,
      preliminary: basis === 'preliminary',
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
      knowledge_institution_participations: kiParts.length,
      activities_with_knowledge_institution: kiActs.size,
      innovating_companies_by_region: Object.fromEntries(
        Object.entries(byRegion).map(([k, v]) => [k, v.size]),
      ),
      gold_clusters: 0,
      silver_clusters: 0,
      bronze_clusters: 0,
      grant_dkk: sum((a) => a.grant),
      external_funding_dkk: sum((a) => a.ext),
      private_cofinancing_dkk: hours,
      eu_applications: acts.filter((a) => a.eu === '1').length,
      private_cofinancing_by_source_dkk: {
        hours,
        fees: sum((a) => a.fees),
        sponsorship: sum((a) => a.sponsorship),
        foundations: sum((a) => a.foundations),
      },
      knowledge_institution_participations_by_kind: byKind,
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
        'cofinancing_fees_dkk',
        'cofinancing_sponsorship_dkk',
        'cofinancing_foundations_dkk',
        'eu_application',
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
        a.fees,
        a.sponsorship,
        a.foundations,
        a.eu,
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
        'institution_kind',
      ],
      ...parts.map((p) => [
        p.cluster,
        p.ref,
        p.type,
        p.cvr,
        p.name,
        p.country,
        p.employees,
        p.municipality,
        p.industry,
        p.c,
        p.i,
        p.p,
        p.kind,
      ]),
    ]),
    expected,
  };
}
