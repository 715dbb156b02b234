import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { activitiesOfYear } from '../../src/domain/reporting/activities/of-year.ts';
import { listActivities } from '../../src/domain/reporting/activities/queries.ts';
import { getDelivery } from '../../src/domain/reporting/delivery/log.ts';
import { pageHref } from '../../src/http/paths.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { createTestApp, signedInClient } from '../support/http.ts';
import { deliver, textFile } from './delivery-helpers.ts';

/**
 * The activity rule (docs/reporting-format.md, 1.1): at least two participants, at least one a
 * company. A delivery breaking it loads; the delivery log and the activity lists name the breaches.
 */
let database: Database;
let deliveryId = '';
const cvr = (n: number) => completeCvr(String(3100000 + n)) ?? completeCvr(String(3200000 + n)) ?? '';
const CLUSTER = cvr(1);
const [CO_A, CO_B, UNI_A, UNI_B] = [cvr(11), cvr(12), cvr(13), cvr(14)];
const admin = roleCaller('admin');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const activities = [
  'cluster_cvr,activity_ref,title,category,start_date',
  `${CLUSTER},OK,To med en virksomhed,networking,2025-03-01`,
  `${CLUSTER},ALONE,Kun én deltager,networking,2025-03-02`,
  `${CLUSTER},NO-CO,Ingen virksomhed,networking,2025-03-03`,
  `${CLUSTER},EMPTY,Ingen deltagere,networking,2025-03-04`,
].join('\n');
const participants = [
  'cluster_cvr,activity_ref,participant_type,cvr,name',
  `${CLUSTER},OK,company,${CO_A},Virksomhed A ApS`,
  `${CLUSTER},OK,knowledge_institution,${UNI_A},Universitet A`,
  `${CLUSTER},ALONE,company,${CO_B},Virksomhed B ApS`,
  `${CLUSTER},NO-CO,knowledge_institution,${UNI_A},Universitet A`,
  `${CLUSTER},NO-CO,knowledge_institution,${UNI_B},Universitet B`,
].join('\n');
const clusters = `cvr,name,league,municipality_code\n${CLUSTER},Reglens Klynge,emerging,101\n`;

describe('the activity rule', () => {
  it('lets the delivery load and records the activities that break it', async () => {
    for (const value of [CLUSTER, CO_A, CO_B, UNI_A, UNI_B]) expect(value).toMatch(/^\d{8}$/);
    const outcome = await deliver(database, [
      textFile('clusters.csv', clusters),
      textFile('activities.csv', activities),
      textFile('participants.csv', participants),
    ]);
    expect(outcome.ok, JSON.stringify(outcome.ok ? '' : outcome.errors.slice(0, 3))).toBe(true);
    deliveryId = outcome.deliveryId;
    const delivery = await getDelivery(database.db, admin, deliveryId);
    expect(delivery.activityRuleCount).toBe(3);
    expect(delivery.activityRule).toEqual([
      { clusterCvr: CLUSTER, activityRef: 'ALONE', title: 'Kun én deltager', participants: 1, companies: 1 },
      { clusterCvr: CLUSTER, activityRef: 'EMPTY', title: 'Ingen deltagere', participants: 0, companies: 0 },
      { clusterCvr: CLUSTER, activityRef: 'NO-CO', title: 'Ingen virksomhed', participants: 2, companies: 0 },
    ]);
  });

  it('is flagged per activity in the API list of a year', async () => {
    const { total, rows } = await activitiesOfYear(database.db, admin, { year: 2025, limit: 10, offset: 0 });
    expect(total).toBe(4);
    const flags = Object.fromEntries(rows.map((r) => [r.activityRef, r.breaksActivityRule]));
    expect(flags).toEqual({ OK: false, ALONE: true, 'NO-CO': true, EMPTY: true });
  });

  it('filters the activity list to the activities that break it', async () => {
    const all = await listActivities(database.db, admin, {});
    expect(all.total).toBe(4);
    const broken = await listActivities(database.db, admin, { breaksActivityRule: true });
    expect(broken.total).toBe(3);
    expect(broken.items.map((i) => [i.activityRef, i.participants, i.companies]).sort()).toEqual([
      ['ALONE', 1, 1],
      ['EMPTY', 0, 0],
      ['NO-CO', 2, 0],
    ]);
  });

  it('is shown on the delivery result page, in Danish and English', async () => {
    const t = createTestApp(database);
    const user = await createUser(database.db, 'admin');
    const client = await signedInClient(t.app, user.email);
    const da = await client.get(pageHref('delivery', 'da', { id: deliveryId }));
    expect(da.res.status).toBe(200);
    const daHtml = da.html;
    expect(daHtml).toContain(
      '3 af de indberettede aktiviteter har færre end to deltagere eller ingen virksomhed',
    );
    for (const title of ['Kun én deltager', 'Ingen deltagere', 'Ingen virksomhed'])
      expect(daHtml).toContain(title);
    expect(daHtml).not.toContain('To med en virksomhed');
    const en = await client.get(pageHref('delivery', 'en', { id: deliveryId }));
    expect(en.res.status).toBe(200);
    expect(en.html).toContain('3 of the delivered activities have fewer than two participants or no company');
  });
});
