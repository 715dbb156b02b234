import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { DEFAULT_EVALUATION_CONFIG } from '../../src/domain/evaluation/config.ts';
import { dataQuality, type QualityRow, qualityFlags } from '../../src/domain/evaluation/quality.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient } from '../support/http.ts';

/**
 * The activity rule (at least two participants, at least one a company) as a data-quality measure
 * and a filter of the workspace's activity list. Two hand-built clusters of 2025: Brud has 3 of 4
 * activities breaking the rule (75 %), God 1 of 10 (10 %, exactly the default threshold: met).
 */
let database: Database;
let admin: Client;
const cvr = (n: number) => completeCvr(String(4100000 + n)) ?? completeCvr(String(4200000 + n)) ?? '';
const [BRUD, GOD, COMPANY, OTHER_COMPANY, UNI] = [cvr(1), cvr(2), cvr(11), cvr(12), cvr(13)];
const ids: Record<string, string> = {};

const clusters = [
  'cvr,name,league,municipality_code',
  `${BRUD},Brud Klynge,emerging,101`,
  `${GOD},God Klynge,regional,751`,
].join('\n');
const godRefs = Array.from({ length: 10 }, (_, i) => `G${String(i + 1).padStart(2, '0')}`);
const activities = [
  'cluster_cvr,activity_ref,title,category,start_date',
  `${BRUD},OK,To med en virksomhed,networking,2025-03-01`,
  `${BRUD},ALONE,Kun én deltager,networking,2025-03-02`,
  `${BRUD},NO-CO,Ingen virksomhed,networking,2025-03-03`,
  `${BRUD},EMPTY,Ingen deltagere,networking,2025-03-04`,
  ...godRefs.map((ref) => `${GOD},${ref},Forløb ${ref},networking,2025-05-01`),
].join('\n');
const participants = [
  'cluster_cvr,activity_ref,participant_type,cvr,name',
  `${BRUD},OK,company,${COMPANY},Virksomhed A ApS`,
  `${BRUD},OK,knowledge_institution,${UNI},Universitet A`,
  `${BRUD},ALONE,company,${COMPANY},Virksomhed A ApS`,
  `${BRUD},NO-CO,knowledge_institution,${UNI},Universitet A`,
  `${BRUD},NO-CO,public,${OTHER_COMPANY},Kommune B`,
  // Every activity of God has two companies but G10, which has one.
  ...godRefs.flatMap((ref) => [
    `${GOD},${ref},company,${COMPANY},Virksomhed A ApS`,
    ...(ref === 'G10' ? [] : [`${GOD},${ref},company,${OTHER_COMPANY},Virksomhed B ApS`]),
  ]),
].join('\n');

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await deliver(database, [
    textFile('clusters.csv', clusters),
    textFile('activities.csv', activities),
    textFile('participants.csv', participants),
  ]);
  expect(outcome.ok, JSON.stringify(outcome.ok ? '' : outcome.errors.slice(0, 3))).toBe(true);
  for (const row of await queryRows<{ id: string; cvr: string }>(
    database.db,
    sql`select id, cvr from organisations where cvr in (${BRUD}, ${GOD})`,
  ))
    ids[row.cvr] = row.id;
  const t = createTestApp(database);
  admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
}, 120_000);
afterAll(() => database?.close());

const rowsOf = async (threshold: number) => {
  const config = { ...DEFAULT_EVALUATION_CONFIG.dataQuality, activityRuleSharePercent: threshold };
  const rows = await dataQuality(
    database.db,
    { year: 2025, clusterIds: [BRUD, GOD].map((c) => ids[c] as string) },
    config,
  );
  const by = Object.fromEntries(rows.map((r) => [r.name, r])) as Record<string, QualityRow>;
  const flagged = (name: string) =>
    qualityFlags(by[name] as QualityRow, config).filter((f) => f.kind === 'activity_rule');
  return { by, flagged };
};

describe('the activity rule as a data-quality measure', () => {
  it('counts the breaking activities and their share per cluster, and lists them by reference', async () => {
    const { by } = await rowsOf(10);
    expect(by['Brud Klynge']).toMatchObject({ activities: 4, ruleBreaches: 3, ruleBreachShare: 75 });
    expect(by['Brud Klynge']?.listedBreaches).toEqual([
      { activityRef: 'ALONE', title: 'Kun én deltager', participants: 1, companies: 1 },
      { activityRef: 'EMPTY', title: 'Ingen deltagere', participants: 0, companies: 0 },
      { activityRef: 'NO-CO', title: 'Ingen virksomhed', participants: 2, companies: 0 },
    ]);
    expect(by['God Klynge']).toMatchObject({ activities: 10, ruleBreaches: 1, ruleBreachShare: 10 });
    expect(by['God Klynge']?.listedBreaches).toEqual([
      { activityRef: 'G10', title: 'Forløb G10', participants: 1, companies: 1 },
    ]);
  });

  it('is met at or below the threshold of the evaluation rules and flagged above it', async () => {
    const atTen = await rowsOf(10);
    expect(atTen.flagged('Brud Klynge')).toEqual([{ kind: 'activity_rule', share: 75 }]);
    expect(atTen.flagged('God Klynge')).toEqual([]);
    const atFive = await rowsOf(5);
    expect(atFive.flagged('God Klynge')).toEqual([{ kind: 'activity_rule', share: 10 }]);
    const atAll = await rowsOf(75);
    expect(atAll.flagged('Brud Klynge')).toEqual([]);
  });

  it('shows met and not met and the breaking activities on the data-quality page, in Danish and English', async () => {
    const da = await admin.get('/arbejdsrum/datakvalitet?aar=2025');
    expect(da.res.status).toBe(200);
    expect(da.html).toContain('3 (75 %) <span class="badge badge-warning">Ikke opfyldt</span>');
    expect(da.html).toContain('1 (10 %) <span class="badge badge-success">Opfyldt</span>');
    expect(da.html).toContain('Brud Klynge: 3 aktiviteter i 2025, der bryder aktivitetsreglen');
    for (const title of ['Kun én deltager', 'Ingen deltagere', 'Ingen virksomhed', 'Forløb G10'])
      expect(da.html).toContain(`<th scope="row">${title}</th>`);
    expect(da.html).not.toContain('<th scope="row">To med en virksomhed</th>');
    const en = await admin.get('/en/workspace/data-quality?aar=2025');
    expect(en.res.status).toBe(200);
    expect(en.html).toContain('<span class="badge badge-warning">Not met</span>');
    expect(en.html).toContain('God Klynge: 1 activity in 2025 breaking the activity rule');
  });
});

describe('the workspace activity list', () => {
  it('keeps only the activities that break the rule when asked, and tags them', async () => {
    const all = await admin.get('/arbejdsrum/aktiviteter?year=2025');
    expect(all.html).toContain('14 aktiviteter');
    expect(all.html.split('>Bryder aktivitetsreglen</span>').length - 1).toBe(4);
    const broken = await admin.get('/arbejdsrum/aktiviteter?year=2025&rule=broken');
    expect(broken.res.status).toBe(200);
    expect(broken.html).toContain('4 aktiviteter');
    expect(broken.html).toMatch(/id="rule-broken" name="rule" value="broken" checked=""/);
    for (const title of ['Kun én deltager', 'Ingen deltagere', 'Ingen virksomhed', 'Forløb G10'])
      expect(broken.html).toContain(
        `>${title}</a> <span class="badge badge-warning">Bryder aktivitetsreglen</span>`,
      );
    expect(broken.html).not.toContain('To med en virksomhed');
    const en = await admin.get('/en/workspace/activities?year=2025&rule=broken');
    expect(en.html).toContain('4 activities');
    expect(en.html).toContain('Breaks the activity rule');
  });
});
