import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, migrateUpTo } from '../../../test/support/migrations.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, migrateDatabase, queryRows } from '../../db/client.ts';
import { fundingPlans } from '../../db/schema/index.ts';

/** Migration 0029 renames planned initiatives to funding plans on a database that has them. */
let database: Database;
const FUNDER = '00000000-0000-4000-8000-00000000f001';
const OTHER = '00000000-0000-4000-8000-00000000f002';
const PLAN = '00000000-0000-4000-8000-00000000a001';
const COMMENT = '00000000-0000-4000-8000-00000000c001';

beforeAll(async () => {
  database = await createEmptyTestDatabase();
  await migrateUpTo(database, '0028_import_sort_memory');
  // As a server deployed before 0029 holds them, written (and audited) under the old names.
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.execute(sql`insert into organisations (id, kind, funder_level, name, slug) values
      (${FUNDER}, 'funder', 'regional', 'Region Ejer', 'region-ejer'),
      (${OTHER}, 'funder', 'municipal', 'Kommune Anden', 'kommune-anden')`);
    await tx.execute(sql`insert into planned_initiatives
      (id, funder_id, title, description, theme, region_codes, budget_dkk, decision_date)
      values (${PLAN}, ${FUNDER}, 'Brintpulje', 'En pulje til brintprojekter i regionen.', 'energy',
              '{1082}', 12000000, '2031-06-30')`);
    await tx.execute(sql`insert into initiative_comments (id, initiative_id, funder_id, author_name, body)
      values (${COMMENT}, ${PLAN}, ${OTHER}, 'Anne Anden', 'Lad os tale sammen.')`);
    await tx.execute(sql`insert into notifications (recipient_organisation_id, text, text_en, link) values
      (${OTHER}, 'Region Ejer planlægger »Brintpulje«', 'Region Ejer plans “Brintpulje”',
       ${`/finansiering/initiativer/${PLAN}`}),
      (${OTHER}, 'Velkommen', 'Welcome', '/konto')`);
  });
  await migrateDatabase(database);
}, 120_000);
afterAll(() => database?.close());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

describe('migration 0029: planned initiatives become funding plans', () => {
  it('keeps every plan and comment under the new names, and moves the notification links', async () => {
    expect(
      await rows(sql`select id, title, status::text as status, budget_dkk::int as budget from funding_plans`),
    ).toEqual([{ id: PLAN, title: 'Brintpulje', status: 'planned', budget: 12000000 }]);
    expect(await rows(sql`select id, funding_plan_id as "planId", body from funding_plan_comments`)).toEqual([
      { id: COMMENT, planId: PLAN, body: 'Lad os tale sammen.' },
    ]);
    expect(await rows(sql`select link from notifications order by link`)).toEqual([
      { link: `/finansiering/planer/${PLAN}` },
      { link: '/konto' },
    ]);
    expect(
      await rows(
        sql`select count(*)::int as n from pg_class where relname in ('planned_initiatives', 'initiative_comments')`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('renames the type, the constraints, the indexes and the audit triggers', async () => {
    expect(
      await rows(
        sql`select typname from pg_type where typname in ('initiative_status', 'funding_plan_status')`,
      ),
    ).toEqual([{ typname: 'funding_plan_status' }]);
    expect(
      await rows(sql`select conname from pg_constraint
        where conrelid in ('funding_plans'::regclass, 'funding_plan_comments'::regclass)
          and contype in ('p', 'f', 'c') order by conname`),
    ).toEqual(
      [
        'funding_plan_comments_author_id_users_id_fk',
        'funding_plan_comments_funder_id_organisations_id_fk',
        'funding_plan_comments_funding_plan_id_funding_plans_id_fk',
        'funding_plan_comments_pkey',
        'funding_plans_budget_nonnegative',
        'funding_plans_funder_id_organisations_id_fk',
        'funding_plans_pkey',
        'funding_plans_proposed_by_users_id_fk',
        'funding_plans_regions_present',
      ].map((conname) => ({ conname })),
    );
    expect(
      await rows(sql`select indexname from pg_indexes
        where tablename in ('funding_plans', 'funding_plan_comments') order by indexname`),
    ).toEqual(
      [
        'funding_plan_comments_funding_plan_idx',
        'funding_plan_comments_pkey',
        'funding_plans_funder_idx',
        'funding_plans_pkey',
      ].map((indexname) => ({ indexname })),
    );
    expect(
      await rows(sql`select tgname from pg_trigger
        where tgrelid in ('funding_plans'::regclass, 'funding_plan_comments'::regclass) and not tgisinternal
        order by tgname`),
    ).toEqual([{ tgname: 'funding_plan_comments_audit' }, { tgname: 'funding_plans_audit' }]);
  });

  it('keeps the audit history, notes the rename, and audits later changes under the new name', async () => {
    await withActor(database.db, { userId: null, label: 'funder@test.dk' }, (tx) =>
      tx
        .update(fundingPlans)
        .set({ status: 'decided', outcomeNote: 'Besluttet.' })
        .where(eq(fundingPlans.id, PLAN)),
    );
    expect(
      await rows(sql`select entity, entity_id as "entityId", action, actor_label as actor from audit_log
        where entity in ('planned_initiatives', 'funding_plans', 'initiative_comments', 'funding_plan_comments')
        order by id`),
    ).toEqual([
      { entity: 'planned_initiatives', entityId: PLAN, action: 'insert', actor: 'system:test' },
      { entity: 'initiative_comments', entityId: COMMENT, action: 'insert', actor: 'system:test' },
      {
        entity: 'funding_plan_comments',
        entityId: 'initiative_comments',
        action: 'rename',
        actor: 'system:migration 0029',
      },
      {
        entity: 'funding_plans',
        entityId: 'planned_initiatives',
        action: 'rename',
        actor: 'system:migration 0029',
      },
      { entity: 'funding_plans', entityId: PLAN, action: 'update', actor: 'funder@test.dk' },
    ]);
    expect(
      await rows(sql`select actor_label as actor, before->>'link' as before, after->>'link' as after
        from audit_log where entity = 'notifications' and action = 'update'
          and actor_label = 'system:migration 0029'`),
    ).toEqual([
      {
        actor: 'system:migration 0029',
        before: `/finansiering/initiativer/${PLAN}`,
        after: `/finansiering/planer/${PLAN}`,
      },
    ]);
    // After the migration, a change without an actor is refused as before.
    await expect(database.db.execute(sql`update funding_plans set outcome_note = 'x'`)).rejects.toThrow();
  });
});
