import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { clusterProfileDrafts, clusters } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { discardDraft, publishProfile, saveDraft } from './commands.ts';
import { type ClusterProfile, clusterProfileForm } from './profile.ts';
import { clusterForEditing } from './queries.ts';

const TODAY = '2025-06-01';
const NOW = new Date('2025-06-01T10:00:00Z');

let database: Database;
let own: { id: string; slug: string };
let staff: Caller;
let otherStaff: Caller;
let funder: Caller;
let support: Caller;

const profile = (summaryDa: string): ClusterProfile =>
  clusterProfileForm.parse({
    summaryDa,
    summaryEn: '',
    descriptionDa: '',
    descriptionEn: '',
    themes: ['robotics'],
    strongholdIndustries: '',
    seatMunicipality: '461',
    website: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    staffFte: '',
    membersCount: '',
    dedicatedCompanies: '',
    boardCompanies: '',
    boardKnowledgeInstitutions: '',
    boardPublic: '',
  });

const draftOf = async (organisationId: string) =>
  database.db
    .select()
    .from(clusterProfileDrafts)
    .where(eq(clusterProfileDrafts.organisationId, organisationId));
const summaryOf = async (organisationId: string) =>
  (await database.db.select().from(clusters).where(eq(clusters.organisationId, organisationId)))[0]
    ?.summaryDa;

beforeAll(async () => {
  database = await createTestDatabase();
  own = await createCluster(database.db, { cvr: '31000017', name: 'Egen', slug: 'profile-own' });
  const other = await createCluster(database.db, { cvr: '31000025', name: 'Anden', slug: 'profile-other' });
  staff = await createCaller(database.db, 'cluster_staff', { organisationId: own.id });
  otherStaff = await createCaller(database.db, 'cluster_staff', { organisationId: other.id });
  funder = await createCaller(database.db, 'funder');
  support = await createCaller(database.db, 'support_staff');
});
afterAll(() => database?.close());

describe('profile commands refuse callers who may not edit the cluster', () => {
  it('saveDraft: staff of another cluster and funders get forbidden, and no draft is written', async () => {
    for (const caller of [otherStaff, funder]) {
      await expectAppError(saveDraft(database.db, caller, own.id, profile('Overtaget'), NOW), 'forbidden');
    }
    expect(await draftOf(own.id)).toEqual([]);
  });

  it('discardDraft: forbidden for staff of another cluster; the draft stays', async () => {
    await saveDraft(database.db, staff, own.id, profile('Kladde'), NOW);
    await expectAppError(discardDraft(database.db, otherStaff, own.id), 'forbidden');
    expect((await draftOf(own.id)).map((d) => (d.profile as ClusterProfile).summaryDa)).toEqual(['Kladde']);
    await discardDraft(database.db, staff, own.id);
    expect(await draftOf(own.id)).toEqual([]);
  });

  it('publishProfile: forbidden for a funder; the published profile is unchanged', async () => {
    const before = await summaryOf(own.id);
    await expectAppError(publishProfile(database.db, funder, own.id, profile('Overtaget'), NOW), 'forbidden');
    expect(await summaryOf(own.id)).toBe(before);
  });

  it('clusterForEditing: not found for an unknown cluster, forbidden for staff of another', async () => {
    await expectAppError(clusterForEditing(database.db, staff, 'no-such-cluster', TODAY), 'not_found');
    await expectAppError(clusterForEditing(database.db, otherStaff, own.slug, TODAY), 'forbidden');
  });
});

describe('profile commands for those who may edit', () => {
  it("lets the cluster's staff save a draft and publish it, and support staff publish too", async () => {
    await saveDraft(database.db, staff, own.id, profile('Ny kladde'), NOW);
    const editing = await clusterForEditing(database.db, staff, own.slug, TODAY);
    expect(editing.draft?.profile.summaryDa).toBe('Ny kladde');
    expect(editing.profile.summaryDa).toBe('Ny kladde');

    await publishProfile(database.db, staff, own.id, profile('Udgivet'), NOW);
    expect(await summaryOf(own.id)).toBe('Udgivet');
    expect(await draftOf(own.id)).toEqual([]);
    const published = await clusterForEditing(database.db, support, own.slug, TODAY);
    expect([published.draft, published.profile.summaryDa]).toEqual([null, 'Udgivet']);

    await publishProfile(database.db, support, own.id, profile('Rettet af supporten'), NOW);
    expect(await summaryOf(own.id)).toBe('Rettet af supporten');
  });
});
