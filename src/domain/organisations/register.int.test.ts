import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, clusters, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { organisationForEdit, organisationRegister } from './queries.ts';
import { createOrganisation, endOrganisation, updateOrganisation } from './register.ts';
import { type OrganisationInput, organisationForm } from './schemas.ts';

let database: Database;
let admin: Caller;
let support: Caller;
let funder: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createCaller(database.db, 'admin');
  support = await createCaller(database.db, 'support_staff');
  funder = await createCaller(database.db, 'funder');
});
afterAll(() => database?.close());

/** Valid by mod-11: 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 + 4·1 = 110 = 10·11. */
const VALID_CVR = '12345674';

const cluster = (name: string, cvr?: string): OrganisationInput =>
  organisationForm.parse({
    kind: 'cluster_organisation',
    name,
    league: 'regional',
    cvr: cvr ?? '',
    municipalityCode: '461',
  });

describe('the organisation form', () => {
  it('checks CVR by mod-11, the funder level, the league and the municipality', () => {
    const issues = (v: Record<string, string>) =>
      organisationForm.safeParse(v).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [];
    expect(issues({ kind: 'funder', name: 'Region X', cvr: '12345675' })).toEqual([
      'cvr:cvrInvalid',
      'funderLevel:required',
    ]);
    expect(issues({ kind: 'funder', name: 'Region X', funderLevel: 'regional' })).toEqual([
      'municipalityCode:required',
    ]);
    expect(issues({ kind: 'cluster_organisation', name: 'K', municipalityCode: '9999' })).toEqual([
      'municipalityCode:invalid',
      'league:required',
    ]);
    expect(issues({ kind: 'business_service', name: 'Erhvervshus Midt', cvr: VALID_CVR })).toEqual([]);
  });
});

describe('the organisation register', () => {
  it('is for admins and support staff: a funder gets forbidden and nothing is written', async () => {
    await expectAppError(createOrganisation(database.db, funder, cluster('Forbudt klynge')), 'forbidden');
    await expectAppError(organisationRegister(database.db, funder), 'forbidden');
    expect(
      await database.db.select().from(organisations).where(eq(organisations.name, 'Forbudt klynge')),
    ).toEqual([]);
  });

  it('creates a regional funder in its municipality’s region, audited as the admin', async () => {
    const id = await createOrganisation(
      database.db,
      admin,
      organisationForm.parse({
        kind: 'funder',
        name: 'Region Nordjylland',
        funderLevel: 'regional',
        municipalityCode: '851',
        address: 'Niels Bohrs Vej 30, 9220 Aalborg Ø',
      }),
    );
    const [row] = await database.db.select().from(organisations).where(eq(organisations.id, id));
    expect(row).toMatchObject({
      kind: 'funder',
      funderLevel: 'regional',
      regionCode: 1081,
      slug: 'region-nordjylland',
    });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry?.action).toBe('insert');
    expect(entry?.actorUserId).toBe(admin.actor.userId);
  });

  it('creates a cluster with its league, refuses a taken CVR, and edits without changing the kind', async () => {
    const id = await createOrganisation(database.db, admin, cluster('Fyns Fødevareklynge', VALID_CVR));
    const [profile] = await database.db.select().from(clusters).where(eq(clusters.organisationId, id));
    expect(profile?.league).toBe('regional');
    await expectAppError(createOrganisation(database.db, admin, cluster('Kopi', VALID_CVR)), 'conflict');
    await updateOrganisation(database.db, admin, id, {
      ...cluster('Fyns Fødevareklynge', VALID_CVR),
      league: 'world_class',
    });
    const { organisation } = await organisationForEdit(database.db, admin, id);
    expect(organisation.league).toBe('world_class');
    await expectAppError(
      updateOrganisation(database.db, admin, id, { ...cluster('X'), kind: 'business_service' }),
      'validation',
    );
    await expectAppError(updateOrganisation(database.db, funder, id, cluster('Y')), 'forbidden');
  });

  it('ends a cluster with an active cluster as successor, once; the profile ends the same day', async () => {
    const merged = await createOrganisation(database.db, admin, cluster('Gammel klynge'));
    const successor = await createOrganisation(database.db, admin, cluster('Ny klynge'));
    const fund = await createOrganisation(
      database.db,
      admin,
      organisationForm.parse({ kind: 'funder', name: 'Statslig fond', funderLevel: 'national' }),
    );
    await expectAppError(
      endOrganisation(database.db, admin, merged, { endedOn: '2026-06-30', successorId: fund }),
      'validation',
    );
    await expectAppError(
      endOrganisation(database.db, funder, merged, { endedOn: '2026-06-30' }),
      'forbidden',
    );
    await endOrganisation(database.db, admin, merged, { endedOn: '2026-06-30', successorId: successor });
    const { organisation, successorCandidates } = await organisationForEdit(database.db, admin, successor);
    expect(successorCandidates.map((c) => c.name)).not.toContain('Gammel klynge');
    expect(organisation.endedOn).toBeNull();
    const ended = (await organisationRegister(database.db, admin)).find((o) => o.id === merged);
    expect(ended).toMatchObject({ endedOn: '2026-06-30', successorName: 'Ny klynge' });
    const [profile] = await database.db.select().from(clusters).where(eq(clusters.organisationId, merged));
    expect(profile?.endedOn).toBe('2026-06-30');
    await expectAppError(endOrganisation(database.db, admin, merged, { endedOn: '2026-07-01' }), 'conflict');
    // An ended cluster cannot take over another.
    const third = await createOrganisation(database.db, admin, cluster('Tredje klynge'));
    await expectAppError(
      endOrganisation(database.db, admin, third, { endedOn: '2026-06-30', successorId: merged }),
      'validation',
    );
  });

  it('lets support staff create, edit and end an organisation, audited as them', async () => {
    const hub = (name: string) =>
      organisationForm.parse({ kind: 'business_service', name, municipalityCode: '751' });
    const id = await createOrganisation(database.db, support, hub('Erhvervshus Midtjylland'));
    await updateOrganisation(database.db, support, id, hub('Erhvervshus Midtjylland (Aarhus)'));
    await endOrganisation(database.db, support, id, { endedOn: '2026-12-31' });
    const row = (await organisationRegister(database.db, support)).find((o) => o.id === id);
    expect(row).toMatchObject({ name: 'Erhvervshus Midtjylland (Aarhus)', endedOn: '2026-12-31' });
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.actorUserId])).toEqual([
      ['insert', support.actor.userId],
      ['update', support.actor.userId],
      ['update', support.actor.userId],
    ]);
  });

  it('registers a knowledge institution and lists it under its own kind', async () => {
    const id = await createOrganisation(
      database.db,
      admin,
      organisationForm.parse({
        kind: 'knowledge_institution',
        name: 'Teknologisk Institut',
        municipalityCode: '153',
      }),
    );
    const listed = await organisationRegister(database.db, admin, { kind: 'knowledge_institution' });
    expect(listed.map((o) => [o.id, o.kind, o.league, o.funderLevel])).toEqual([
      [id, 'knowledge_institution', null, null],
    ]);
    const [profile] = await database.db.select().from(clusters).where(eq(clusters.organisationId, id));
    expect(profile).toBeUndefined();
  });

  it('answers not_found for an id that is no organisation', async () => {
    await expectAppError(organisationForEdit(database.db, admin, 'abc'), 'not_found');
    await expectAppError(
      endOrganisation(database.db, admin, '00000000-0000-4000-8000-000000000000', { endedOn: '2026-01-01' }),
      'not_found',
    );
  });
});
