import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, clusterServices, clusters } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { addClusterService, removeClusterService, updateClusterService } from './commands.ts';
import { clusterServiceListing, nationalServiceListing, toListing } from './listing.ts';
import { servicesForEditing, servicesOfOwnClusters } from './queries.ts';

const TODAY = '2025-06-01';
const NOW = new Date('2025-06-01T10:00:00Z');

let database: Database;
let own: { id: string; slug: string };
let other: { id: string; slug: string };
let staff: Caller;
let otherStaff: Caller;
let funder: Caller;
let support: Caller;

const service = (titleDa: string, overrides: Record<string, string> = {}) => ({
  titleDa,
  titleEn: '',
  descriptionDa: 'Virksomheden får en halv dags gennemgang af produktionen.',
  descriptionEn: '',
  targetGroup: 'smes',
  priceKind: 'free',
  priceText: '',
  contactName: 'Rikke Robot',
  contactEmail: 'rikke@klynge.example',
  url: '',
  ...overrides,
});

beforeAll(async () => {
  database = await createTestDatabase();
  own = await createCluster(database.db, {
    cvr: '31000017',
    name: 'Aalborg Testklynge',
    slug: 'services-own',
  });
  other = await createCluster(database.db, {
    cvr: '31000025',
    name: 'Bornholm Testklynge',
    slug: 'services-other',
  });
  staff = await createCaller(database.db, 'cluster_staff', { organisationId: own.id });
  otherStaff = await createCaller(database.db, 'cluster_staff', { organisationId: other.id });
  funder = await createCaller(database.db, 'funder');
  support = await createCaller(database.db, 'support_staff');
});

afterAll(async () => {
  await database?.close();
});

describe('cluster services', () => {
  it("lets a cluster's staff add, change and remove its services, in the order added, audited", async () => {
    const first = await addClusterService(database.db, staff, own.id, service('Automatiseringstjek'), NOW);
    const second = await addClusterService(
      database.db,
      staff,
      own.id,
      service('Testforløb', { priceKind: 'paid', priceText: '2.500 kr. pr. dag', targetGroup: 'startups' }),
      NOW,
    );
    const { services } = await servicesForEditing(database.db, staff, 'services-own', TODAY);
    expect(services.map((s) => [s.id, s.titleDa, s.priceKind, s.priceText])).toEqual([
      [first, 'Automatiseringstjek', 'free', ''],
      [second, 'Testforløb', 'paid', '2.500 kr. pr. dag'],
    ]);

    await updateClusterService(database.db, staff, first, service('Automatiseringstjek på stedet'), NOW);
    await removeClusterService(database.db, staff, second);
    const [own1] = await servicesOfOwnClusters(database.db, staff);
    expect(own1?.services.map((s) => s.titleDa)).toEqual(['Automatiseringstjek på stedet']);

    const audited = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'cluster_services'), eq(auditLog.entityId, second)));
    expect(audited.map((a) => a.action).sort()).toEqual(['delete', 'insert']);
  });

  it('refuses staff of another cluster and funders; lets support staff edit any cluster', async () => {
    const id = await addClusterService(database.db, staff, own.id, service('Kun vores'), NOW);
    await expectAppError(
      addClusterService(database.db, otherStaff, own.id, service('Fremmed'), NOW),
      'forbidden',
    );
    await expectAppError(
      addClusterService(database.db, funder, own.id, service('Fremmed'), NOW),
      'forbidden',
    );
    await expectAppError(
      updateClusterService(database.db, otherStaff, id, service('Overtaget'), NOW),
      'forbidden',
    );
    await expectAppError(removeClusterService(database.db, otherStaff, id), 'forbidden');
    await expectAppError(servicesForEditing(database.db, funder, 'services-own', TODAY), 'forbidden');
    await updateClusterService(database.db, support, id, service('Rettet af supportfunktionen'), NOW);
    const [row] = await database.db.select().from(clusterServices).where(eq(clusterServices.id, id));
    expect(row?.titleDa).toBe('Rettet af supportfunktionen');
    await removeClusterService(database.db, staff, id);
  });

  it('refuses a paid service without a price, a bad e-mail and a link that is not http(s), naming each field', async () => {
    const before = await database.db.select().from(clusterServices);
    const error = await addClusterService(
      database.db,
      staff,
      own.id,
      service('Betalt', { priceKind: 'paid', contactEmail: 'ikke-en-adresse', url: 'javascript:alert(1)' }),
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation',
      issues: expect.arrayContaining([
        { field: 'contactEmail', message: 'email' },
        { field: 'url', message: 'url' },
      ]),
    });
    const priceless = await addClusterService(
      database.db,
      staff,
      own.id,
      service('Betalt', { priceKind: 'paid' }),
      NOW,
    ).catch((e: unknown) => e);
    expect(priceless).toMatchObject({
      code: 'validation',
      issues: [{ field: 'priceText', message: 'priceText' }],
    });
    expect(await database.db.select().from(clusterServices)).toHaveLength(before.length);
  });

  it("answers not found for another cluster's or an unknown service id", async () => {
    await expectAppError(
      updateClusterService(database.db, staff, 'not-a-uuid', service('X'), NOW),
      'not_found',
    );
    await expectAppError(
      removeClusterService(database.db, staff, '00000000-0000-4000-8000-000000000000'),
      'not_found',
    );
  });
});

describe('the listing for Virksomhedsguiden', () => {
  it('maps each service field by field, per cluster and nationally, leaving out ended clusters', async () => {
    await addClusterService(
      database.db,
      otherStaff,
      other.id,
      service('Kursus i havvind', {
        priceKind: 'paid',
        priceText: '3.200 kr. pr. deltager',
        targetGroup: 'knowledge_institutions',
        url: 'https://bornholm.example/kursus',
      }),
      NOW,
    );
    const rows = await clusterServiceListing(database.db, 'services-other', TODAY);
    const page = (slug: string) => `https://portal.example/klynger/${slug}`;
    expect(rows?.map((r) => toListing(r, page))).toEqual([
      {
        id: expect.stringMatching(/^klyngeportalen:[0-9a-f-]{36}$/),
        titel: 'Kursus i havvind',
        beskrivelse: 'Virksomheden får en halv dags gennemgang af produktionen.',
        titelEngelsk: '',
        beskrivelseEngelsk: '',
        maalgruppe: 'Videninstitutioner',
        pris: '3.200 kr. pr. deltager',
        gratis: false,
        udbyder: {
          navn: 'Bornholm Testklynge',
          cvr: '31000025',
          type: 'Klyngeorganisation',
          region: null,
          hjemmeside: null,
        },
        kontakt: { navn: 'Rikke Robot', email: 'rikke@klynge.example' },
        link: 'https://bornholm.example/kursus',
        sprog: 'da',
        sidstOpdateret: '2025-06-01',
      },
    ]);
    const national = await nationalServiceListing(database.db, TODAY);
    expect(national.map((r) => [r.clusterName, r.titleDa])).toEqual([
      ['Aalborg Testklynge', 'Automatiseringstjek på stedet'],
      ['Bornholm Testklynge', 'Kursus i havvind'],
    ]);
    // A free service without a link of its own points to the cluster's page.
    const [free] = national;
    expect(free && toListing(free, page)).toMatchObject({
      pris: 'Gratis',
      gratis: true,
      link: 'https://portal.example/klynger/services-own',
    });
    expect(await clusterServiceListing(database.db, 'no-such-cluster', TODAY)).toBeNull();

    await withActor(database.db, systemActor('test'), (tx) =>
      tx.update(clusters).set({ endedOn: TODAY }).where(eq(clusters.organisationId, other.id)),
    );
    expect((await nationalServiceListing(database.db, TODAY)).map((r) => r.clusterName)).toEqual([
      'Aalborg Testklynge',
    ]);
    expect(await clusterServiceListing(database.db, 'services-other', TODAY)).toBeNull();
  });
});
