import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createUser } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { notificationsFor } from '../notifications/queries.ts';
import { expressInterest, publishItem, updateItem, withdrawItem } from './commands.ts';
import { marketplaceItem, marketplaceList, ownItems } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-12-01T10:00:00Z');
const TODAY = '2026-12-01';
const item = (over: Record<string, unknown> = {}) => ({
  direction: 'offer',
  type: 'expertise',
  title: 'Maskinsyn til kvalitetskontrol',
  description: 'Vi tilbyder maskinsyn til inspektion af emner.',
  themes: ['robotics'],
  technologies: 'maskinsyn, kameraer',
  validFrom: '2026-11-01',
  validUntil: '2027-03-31',
  ...over,
});

describe(`marketplace (${testDriver()})`, () => {
  it('a company publishes an offer; another finds it by text and filters, and its interest reaches the owner', async () => {
    const owner = await createCaller(database.db, 'company_user');
    const ownerColleague = await createUser(database.db, 'company_user', {
      organisationId: owner.principal.memberships[0]?.organisationId,
    });
    const id = await publishItem(database.db, owner, item({ title: 'Unikt svejseudstyr til værfter' }), NOW);
    const byText = await marketplaceList(database.db, { q: 'svejse værft', page: 1 }, TODAY);
    expect(byText.items.map((i) => i.id)).toEqual([id]);
    const byFilters = await marketplaceList(
      database.db,
      {
        direction: 'offer',
        type: 'expertise',
        theme: 'robotics',
        technology: 'kameraer',
        country: 'DK',
        page: 1,
      },
      TODAY,
    );
    expect(byFilters.items.map((i) => i.id)).toContain(id);
    const requests = await marketplaceList(database.db, { direction: 'request', page: 1 }, TODAY);
    expect(requests.items.map((i) => i.id)).not.toContain(id);

    const interested = await createCaller(database.db, 'company_user');
    const interest = await expressInterest(
      database.db,
      interested,
      id,
      { message: 'Vi vil gerne høre mere' },
      NOW,
    );
    expect(interest.recipients.map((r) => r.email).sort()).toEqual(
      [owner.email, ownerColleague.email].sort(),
    );
    expect(interest.from.email).toBe(interested.email);
    const told = await notificationsFor(database.db, owner);
    expect(told[0]?.text).toContain('Vi vil gerne høre mere');
    expect(told[0]?.link).toBe(`/markedsplads/${id}`);
  });

  it('keeps an expired or future item off the public list and page, but on the owner’s own list', async () => {
    const owner = await createCaller(database.db, 'company_user');
    const expired = await publishItem(
      database.db,
      owner,
      item({ title: 'Udløbet tilbud om kabler', validFrom: '2026-01-01', validUntil: '2026-11-30' }),
      NOW,
    );
    const future = await publishItem(
      database.db,
      owner,
      item({ title: 'Fremtidigt tilbud om kabler', validFrom: '2026-12-02', validUntil: '2027-01-31' }),
      NOW,
    );
    const list = await marketplaceList(database.db, { q: 'kabler', page: 1 }, TODAY);
    expect(list.total).toBe(0);
    await expectAppError(marketplaceItem(database.db, expired, TODAY), 'not_found');
    await expectAppError(marketplaceItem(database.db, future, TODAY), 'not_found');
    expect((await ownItems(database.db, owner)).map((i) => i.id).sort()).toEqual([expired, future].sort());
  });

  it('its owner withdraws an item: it leaves the list, its page and the own list, audited; others may not', async () => {
    const owner = await createCaller(database.db, 'company_user');
    const colleague = await createCaller(database.db, 'company_user', {
      organisationId: owner.principal.memberships[0]?.organisationId,
    });
    const id = await publishItem(
      database.db,
      owner,
      item({ title: 'Tilbagetrukket tilbud om ventiler' }),
      NOW,
    );
    expect((await marketplaceList(database.db, { q: 'ventiler', page: 1 }, TODAY)).total).toBe(1);

    const stranger = await createCaller(database.db, 'company_user');
    await expectAppError(withdrawItem(database.db, stranger, id, NOW), 'forbidden');
    await expectAppError(withdrawItem(database.db, roleCaller('cluster_staff'), id, NOW), 'forbidden');
    expect((await marketplaceList(database.db, { q: 'ventiler', page: 1 }, TODAY)).total).toBe(1);

    const at = new Date('2026-12-02T09:00:00Z');
    await withdrawItem(database.db, colleague, id, at);
    expect((await marketplaceList(database.db, { q: 'ventiler', page: 1 }, '2026-12-02')).total).toBe(0);
    await expectAppError(marketplaceItem(database.db, id, '2026-12-02'), 'not_found');
    expect((await ownItems(database.db, owner)).map((i) => i.id)).toEqual([]);
    // Withdrawn once: a second try finds nothing to withdraw.
    await expectAppError(withdrawItem(database.db, owner, id, at), 'not_found');
    const audited = await queryRows<{ actor: string; withdrawn: string | null }>(
      database.db,
      sql`select actor_label as actor, after->>'withdrawn_at' as withdrawn from audit_log
          where entity = 'marketplace_items' and entity_id = ${id} and action = 'update'`,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor).toBe(colleague.email);
    expect(new Date(audited[0]?.withdrawn as string).toISOString()).toBe(at.toISOString());
  });

  it('its publishers edit an item, an expired one back onto the list; others may not; bad input changes nothing', async () => {
    const owner = await createCaller(database.db, 'company_user');
    const colleague = await createCaller(database.db, 'company_user', {
      organisationId: owner.principal.memberships[0]?.organisationId,
    });
    const expired = item({
      title: 'Gammelt tilbud om pumper',
      validFrom: '2026-01-01',
      validUntil: '2026-11-30',
    });
    const id = await publishItem(database.db, owner, expired, NOW);
    expect((await marketplaceList(database.db, { q: 'pumper', page: 1 }, TODAY)).total).toBe(0);

    const stranger = await createCaller(database.db, 'company_user');
    await expectAppError(updateItem(database.db, stranger, id, item(), NOW), 'forbidden');
    await expectAppError(updateItem(database.db, roleCaller('cluster_staff'), id, item(), NOW), 'forbidden');
    await expectAppError(
      updateItem(database.db, owner, id, { ...expired, title: 'Nyt navn', validUntil: '2025-12-31' }, NOW),
      'validation',
    );
    expect((await ownItems(database.db, owner)).map((i) => [i.title, i.validUntil])).toEqual([
      ['Gammelt tilbud om pumper', '2026-11-30'],
    ]);

    await updateItem(
      database.db,
      colleague,
      id,
      { ...expired, title: 'Fornyet tilbud om pumper', technologies: 'pumper', validUntil: '2027-06-30' },
      NOW,
    );
    const renewed = await marketplaceItem(database.db, id, TODAY);
    expect([renewed.title, renewed.technologies, renewed.validUntil]).toEqual([
      'Fornyet tilbud om pumper',
      ['pumper'],
      '2027-06-30',
    ]);
    expect((await marketplaceList(database.db, { q: 'pumper', page: 1 }, TODAY)).total).toBe(1);
    const audited = await queryRows<{ actor: string; title: string }>(
      database.db,
      sql`select actor_label as actor, after->>'title' as title from audit_log
          where entity = 'marketplace_items' and entity_id = ${id} and action = 'update'`,
    );
    expect(audited).toEqual([{ actor: colleague.email, title: 'Fornyet tilbud om pumper' }]);
    // A withdrawn item is gone for good.
    await withdrawItem(database.db, owner, id, NOW);
    await expectAppError(updateItem(database.db, owner, id, item(), NOW), 'not_found');
  });

  it('cannot withdraw an expired item', async () => {
    const owner = await createCaller(database.db, 'company_user');
    const expired = await publishItem(
      database.db,
      owner,
      item({ title: 'Udløbet tilbud om ventiler', validFrom: '2026-01-01', validUntil: '2026-11-30' }),
      NOW,
    );
    await expectAppError(withdrawItem(database.db, owner, expired, NOW), 'not_found');
  });

  it('cluster staff publish for their cluster, filtered by the cluster', async () => {
    const staff = await createCaller(database.db, 'cluster_staff');
    const id = await publishItem(
      database.db,
      staff,
      item({ direction: 'request', type: 'partnership' }),
      NOW,
    );
    const found = await marketplaceList(database.db, { ownerKind: 'cluster', page: 1 }, TODAY);
    expect(found.items.find((i) => i.id === id)?.owner.kind).toBe('cluster');
  });

  it('refuses a period that ends before it starts and more than ten technologies, with field errors', async () => {
    const owner = await createCaller(database.db, 'company_user');
    await expect(
      publishItem(database.db, owner, item({ validFrom: '2027-01-02', validUntil: '2027-01-01' }), NOW),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'validUntil', message: 'beforeStart' }],
    });
    await expect(
      publishItem(database.db, owner, item({ technologies: 'a,b,c,d,e,f,g,h,i,j,k' }), NOW),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'technologies', message: 'tooMany' }] });
  });

  it('refuses publishing to those who publish for no organisation, and interest in one’s own item', async () => {
    for (const role of ['admin', 'funder', 'support_staff', 'business_service_staff'] as const) {
      await expectAppError(publishItem(database.db, roleCaller(role), item(), NOW), 'forbidden');
    }
    const owner = await createCaller(database.db, 'company_user');
    // Publishing for another organisation than one's own is refused too.
    const other = await createCaller(database.db, 'company_user');
    await expectAppError(
      publishItem(database.db, owner, item(), NOW, other.principal.memberships[0]?.organisationId),
      'forbidden',
    );
    const id = await publishItem(database.db, owner, item(), NOW);
    await expectAppError(expressInterest(database.db, owner, id, { message: 'Hej' }, NOW), 'conflict');
  });
});
