import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { search } from '../search/queries.ts';
import { searchQuery } from '../search/schemas.ts';
import {
  createService,
  serviceBySlug,
  servicesOnOffer,
  servicesToManage,
  setServiceRetired,
  updateService,
} from './services.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-05T12:00:00Z');

const form = (over: Record<string, string | string[]> = {}) => ({
  titleDa: 'Bestyrelsesforløb for klyngebestyrelser',
  titleEn: 'Programme for cluster boards',
  summaryDa: 'Tre moduler om strategi, governance og bestyrelsens rolle i klyngen.',
  summaryEn: 'Three modules on strategy, governance and the board in a cluster.',
  descriptionDa: '',
  descriptionEn: '',
  targetGroups: ['boards', 'cluster_leaders'],
  form: 'module_programme',
  payment: 'user_payment',
  price: '1.500 kr.',
  capacity: '24',
  language: 'da',
  ...over,
});

const inSearch = async (text: string, type?: 'service') =>
  search(database.db, searchQuery.parse({ q: text, type }), { now: LATER, today: '2026-03-05', lang: 'da' });

describe(`the support function's services (${testDriver()})`, () => {
  it('support staff create a service: it is on offer, filtered, found by the search in both languages, and audited', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    const staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    const { slug } = await createService(database.db, staff, form(), NOW);
    expect(slug).toBe('bestyrelsesforloeb-for-klyngebestyrelser');
    await createService(
      database.db,
      staff,
      form({
        titleDa: 'Sparring om internationalisering',
        titleEn: 'Sparring on internationalisation',
        summaryDa: 'En samtale om klyngens internationale partnerskaber og markeder.',
        summaryEn: 'A conversation on the cluster’s international partnerships and markets.',
        targetGroups: ['staff'],
        form: 'sparring',
        payment: 'free',
        price: '',
        capacity: '',
        language: 'da_en',
      }),
      NOW,
    );

    expect(await serviceBySlug(database.db, slug)).toMatchObject({
      titleEn: 'Programme for cluster boards',
      targetGroups: ['boards', 'cluster_leaders'],
      form: 'module_programme',
      payment: 'user_payment',
      priceDkk: 1500,
      capacity: 24,
      language: 'da',
      retiredAt: null,
    });
    const titles = async (filter: Parameters<typeof servicesOnOffer>[1]) =>
      (await servicesOnOffer(database.db, filter)).map((s) => s.titleDa);
    expect(await titles({})).toEqual([
      'Bestyrelsesforløb for klyngebestyrelser',
      'Sparring om internationalisering',
    ]);
    expect(await titles({ group: 'boards' })).toEqual(['Bestyrelsesforløb for klyngebestyrelser']);
    expect(await titles({ form: 'sparring' })).toEqual(['Sparring om internationalisering']);
    expect(await titles({ language: 'en' })).toEqual([]);
    expect(await titles({ group: 'staff', form: 'module_programme' })).toEqual([]);

    const found = await inSearch('bestyrelse');
    expect(found.counts.service).toBe(1);
    expect(found.hits.map((h) => [h.kind, h.slug, h.organisation.id])).toEqual([
      ['service', slug, supportFunction.id],
    ]);
    // The English title and summary are searched too, and the kind filter keeps to services.
    expect((await inSearch('governance', 'service')).hits.map((h) => h.slug)).toEqual([slug]);

    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where entity = 'support_services' and actor_label = ${staff.email}`,
    );
    expect(audit?.n).toBe(2);
  });

  it('an edit shows at once in the list and the search; a retired service leaves both and keeps its page', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    const staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    const { slug } = await createService(
      database.db,
      staff,
      form({
        titleDa: 'Analyse af klyngens medlemsdata',
        summaryDa: 'En analyse af hvem klyngen når og hvordan.',
      }),
      NOW,
    );
    await updateService(
      database.db,
      staff,
      slug,
      form({
        titleDa: 'Analyse af medlemsdata',
        summaryDa: 'Benchmark af klyngens medlemmer mod landsgennemsnittet.',
      }),
      LATER,
    );
    const edited = await serviceBySlug(database.db, slug);
    expect([edited.slug, edited.titleDa]).toEqual([slug, 'Analyse af medlemsdata']);
    expect((await inSearch('landsgennemsnittet')).hits.map((h) => h.slug)).toEqual([slug]);

    await setServiceRetired(database.db, staff, slug, true, LATER);
    expect((await servicesOnOffer(database.db, {})).map((s) => s.slug)).not.toContain(slug);
    expect((await inSearch('landsgennemsnittet')).counts.service).toBe(0);
    expect((await serviceBySlug(database.db, slug)).retiredAt).toEqual(LATER);
    // Those who keep the catalogue still see it, last.
    const managed = await servicesToManage(database.db, staff);
    expect(managed.at(-1)?.slug).toBe(slug);

    await setServiceRetired(database.db, staff, slug, false, LATER);
    expect((await inSearch('landsgennemsnittet')).counts.service).toBe(1);
  });

  it('refuses everyone but the support function and admins', async () => {
    for (const role of ['cluster_staff', 'funder', 'business_service_staff', 'company_user'] as const) {
      const caller = roleCaller(role);
      await expectAppError(createService(database.db, caller, form(), NOW), 'forbidden');
      await expectAppError(updateService(database.db, caller, 'x', form(), NOW), 'forbidden');
      await expectAppError(setServiceRetired(database.db, caller, 'x', true, NOW), 'forbidden');
      await expectAppError(servicesToManage(database.db, caller), 'forbidden');
    }
    await expectAppError(
      updateService(database.db, roleCaller('admin'), 'no-such', form(), NOW),
      'not_found',
    );
  });

  it('names each field that is wrong and writes nothing', async () => {
    const admin = roleCaller('admin');
    const before = (await servicesToManage(database.db, admin)).length;
    const error = await createService(
      database.db,
      admin,
      form({ titleDa: '', targetGroups: [], form: 'lecture', payment: 'free', price: '900', capacity: '0' }),
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues.map((i) => [i.field, i.message])).toEqual([
      ['titleDa', 'required'],
      ['targetGroups', 'targetGroups'],
      ['form', 'form'],
      ['capacity', 'tooSmall'],
      ['price', 'price'],
    ]);
    const priceMissing = await createService(database.db, admin, form({ price: '' }), NOW).catch(
      (e: unknown) => e,
    );
    expect((priceMissing as AppError).issues).toEqual([{ field: 'price', message: 'price' }]);
    expect((await servicesToManage(database.db, admin)).length).toBe(before);
  });
});
