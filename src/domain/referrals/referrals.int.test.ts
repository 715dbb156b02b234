import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralForm, referralWorld } from '../../../test/referrals/fixtures.ts';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { notificationsFor } from '../notifications/queries.ts';
import { acceptReferral, declineReferral, recordContact, recordOutcome, sendReferral } from './commands.ts';
import { referralDetail, referralFormChoices, referralOverview } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-05T12:00:00Z');

describe(`referrals (${testDriver()})`, () => {
  it('a hub refers one company to two clusters in other regions: one referral each, told in the portal', async () => {
    const w = await referralWorld(database.db);
    const input = referralForm([w.capital.id, w.aarhus.id]);
    const sent = await sendReferral(database.db, w.advisor, input, NOW);
    expect(sent.ids).toHaveLength(2);

    const north = await referralDetail(database.db, w.capitalStaff, sent.ids[0] as string);
    const mid = await referralDetail(database.db, w.aarhusStaff, sent.ids[1] as string);
    expect([north.referral.toName, mid.referral.toName]).toEqual(['Klynge Hovedstad', 'Klynge Aarhus']);
    expect(north.referral).toMatchObject({
      status: 'sent',
      cvr: input.cvr,
      contactName: 'Karen Kontakt',
      contactEmail: 'karen@example.dk',
      crossRegion: true,
      consentRecordedAt: NOW,
    });
    expect(north.history.map((e) => [e.kind, e.organisationName])).toEqual([['sent', w.hub.name]]);
    expect(north.may).toEqual({ accept: true, decline: true, recordContact: false, recordOutcome: false });
    // The sender sees it too but may not answer it.
    const asSender = await referralDetail(database.db, w.advisor, sent.ids[0] as string);
    expect(asSender.may).toEqual({
      accept: false,
      decline: false,
      recordContact: false,
      recordOutcome: false,
    });

    const told = await notificationsFor(database.db, w.capitalStaff);
    expect(told.map((n) => n.text)).toEqual([
      `Ny henvisning fra ${w.hub.name}: Syntetisk Robot ApS (CVR ${input.cvr})`,
    ]);

    const overview = await referralOverview(database.db, w.capitalStaff);
    expect(overview.waiting.map((r) => r.id)).toEqual([sent.ids[0]]);
    expect((await referralOverview(database.db, w.advisor)).sent.map((r) => r.id).sort()).toEqual(
      [...sent.ids].sort(),
    );
  });

  it('refuses bad input field by field, and a hub referring to a hub', async () => {
    const w = await referralWorld(database.db);
    const otherHub = await createOrganisation(database.db, { kind: 'business_service' });
    const issues = async (input: Record<string, unknown>) =>
      sendReferral(database.db, w.advisor, input, NOW).then(
        () => [],
        (e: { code: string; issues: { field: string; message: string }[] }) => {
          expect(e.code).toBe('validation');
          return e.issues.map((i) => `${i.field}:${i.message}`);
        },
      );
    expect(
      await issues(referralForm([], { cvr: '12345678', consent: '', contactEmail: 'nej', theme: 'x' })),
    ).toEqual(['cvr:cvr', 'theme:theme', 'contactEmail:email', 'consent:consent', 'recipientIds:recipients']);
    expect(await issues(referralForm([otherHub.id]))).toEqual(['recipientIds:recipients']);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from referrals where from_organisation_id = ${w.hub.id}`,
    );
    expect(count?.n).toBe(0);
  });

  it('lets only the referring organisation’s staff send, and only the recipient answer', async () => {
    const w = await referralWorld(database.db);
    const funder = await createCaller(database.db, 'funder');
    await expectAppError(sendReferral(database.db, funder, referralForm([w.capital.id]), NOW), 'forbidden');
    await expectAppError(
      sendReferral(
        database.db,
        w.capitalStaff,
        referralForm([w.aarhus.id], { fromOrganisationId: w.hub.id }),
        NOW,
      ),
      'forbidden',
    );
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.capital.id]), NOW);
    const id = ids[0] as string;
    await expectAppError(acceptReferral(database.db, w.advisor, id, LATER), 'forbidden');
    await expectAppError(acceptReferral(database.db, w.aarhusStaff, id, LATER), 'forbidden');
    await expectAppError(acceptReferral(database.db, roleCaller('admin'), id, LATER), 'forbidden');
    await expectAppError(referralDetail(database.db, w.aarhusStaff, id), 'forbidden');
    await expectAppError(referralDetail(database.db, roleCaller('support_staff'), id), 'forbidden');
    await expectAppError(referralOverview(database.db, roleCaller('funder')), 'forbidden');
    await expectAppError(referralFormChoices(database.db, roleCaller('admin')), 'forbidden');
    await acceptReferral(database.db, w.capitalStaff, id, LATER);
    await expectAppError(acceptReferral(database.db, w.capitalStaff, id, LATER), 'conflict');
    await expectAppError(
      declineReferral(database.db, w.aarhusStaff, id, { reason: 'Ikke os' }, LATER),
      'forbidden',
    );
  });

  it('runs sent → accepted → contacted → joined an activity, with dates checked and a history both sides see', async () => {
    const w = await referralWorld(database.db);
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), NOW);
    const id = ids[0] as string;
    await expectAppError(
      recordContact(database.db, w.aarhusStaff, id, { contactedOn: '2026-03-03' }, LATER),
      'conflict',
    );
    await acceptReferral(database.db, w.aarhusStaff, id, LATER);
    await expectAppError(
      recordOutcome(database.db, w.aarhusStaff, id, { outcome: 'no_match', outcomeOn: '2026-03-04' }, LATER),
      'conflict',
    );
    for (const [contactedOn, message] of [
      ['2026-03-01', 'beforeSent'],
      ['2026-03-06', 'future'],
      ['3. marts', 'date'],
    ])
      await recordContact(database.db, w.aarhusStaff, id, { contactedOn }, LATER).then(
        () => expect.unreachable(),
        (e: { code: string; issues: { field: string; message: string }[] }) =>
          expect([e.code, e.issues]).toEqual(['validation', [{ field: 'contactedOn', message }]]),
      );
    await recordContact(
      database.db,
      w.aarhusStaff,
      id,
      { contactedOn: '2026-03-03', note: 'Møde aftalt' },
      LATER,
    );
    await expectAppError(
      recordOutcome(database.db, w.aarhusStaff, id, { outcome: 'joined', outcomeOn: '2026-03-04' }, LATER),
      'validation',
    );
    await recordOutcome(
      database.db,
      w.aarhusStaff,
      id,
      { outcome: 'joined_activity', outcomeOn: '2026-03-05' },
      LATER,
    );

    const { referral, history, may } = await referralDetail(database.db, w.advisor, id);
    expect(referral).toMatchObject({
      status: 'completed',
      outcome: 'joined_activity',
      contactedOn: '2026-03-03',
      outcomeOn: '2026-03-05',
    });
    expect(may).toEqual({ accept: false, decline: false, recordContact: false, recordOutcome: false });
    expect(history.map((e) => [e.kind, e.organisationName, e.note])).toEqual([
      ['sent', w.hub.name, null],
      ['accepted', 'Klynge Aarhus', null],
      ['contacted', 'Klynge Aarhus', 'Møde aftalt'],
      ['completed', 'Klynge Aarhus', null],
    ]);
    const [row] = await queryRows<{ closed: Date | string }>(
      database.db,
      sql`select closed_at as closed from referrals where id = ${id}`,
    );
    expect(new Date(row?.closed as string).toISOString()).toBe(LATER.toISOString());
    const told = (await notificationsFor(database.db, w.advisor)).map((n) => n.text).sort();
    expect(told).toEqual([
      'Henvisningen af Syntetisk Robot ApS er taget imod',
      'Henvisningen af Syntetisk Robot ApS har fået et udfald',
      'Syntetisk Robot ApS er kontaktet',
    ]);
  });

  it('a declined referral keeps its reason in the history and takes no further steps', async () => {
    const w = await referralWorld(database.db);
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.capital.id]), NOW);
    const id = ids[0] as string;
    await expectAppError(
      declineReferral(database.db, w.capitalStaff, id, { reason: 'nej' }, LATER),
      'validation',
    );
    await declineReferral(database.db, w.capitalStaff, id, { reason: 'Uden for vores område' }, LATER);
    await expectAppError(acceptReferral(database.db, w.capitalStaff, id, LATER), 'conflict');
    const { referral, history } = await referralDetail(database.db, w.advisor, id);
    expect(referral.status).toBe('declined');
    expect(history.at(-1)).toMatchObject({ kind: 'declined', note: 'Uden for vores område' });
  });

  it('a cluster refers to a hub and to an outside actor, whose outcome the cluster records itself', async () => {
    const w = await referralWorld(database.db);
    const choices = await referralFormChoices(database.db, w.capitalStaff);
    expect(choices.senders.map((s) => s.value)).toEqual([w.capital.id]);
    expect(choices.organisations.some((o) => o.value === w.hub.id)).toBe(true);
    expect(choices.organisations.some((o) => o.value === w.aarhus.id)).toBe(false);
    const trade = choices.targets.find((t) => t.label === 'Eksportrådet');
    expect(trade?.url).toBe('https://thetradecouncil.dk');
    const hubChoices = await referralFormChoices(database.db, w.advisor);
    expect(hubChoices.targets).toEqual([]);
    expect(hubChoices.organisations.find((o) => o.value === w.aarhus.id)?.regionCode).toBe(1082);

    const { ids } = await sendReferral(
      database.db,
      w.capitalStaff,
      referralForm([w.hub.id], { targetIds: [trade?.value] }),
      NOW,
    );
    const outside = await referralDetail(database.db, w.capitalStaff, ids[1] as string);
    expect(outside.referral).toMatchObject({
      toName: 'Eksportrådet',
      toOrganisationId: null,
      crossRegion: false,
    });
    expect(outside.may).toEqual({ accept: false, decline: false, recordContact: false, recordOutcome: true });
    await expectAppError(acceptReferral(database.db, w.capitalStaff, ids[1] as string, LATER), 'forbidden');
    await recordOutcome(
      database.db,
      w.capitalStaff,
      ids[1] as string,
      { outcome: 'project_started', outcomeOn: '2026-03-04' },
      LATER,
    );
    expect((await referralDetail(database.db, w.capitalStaff, ids[1] as string)).referral.status).toBe(
      'completed',
    );
    // The hub answers the other one.
    await acceptReferral(database.db, w.advisor, ids[0] as string, LATER);
    // Hubs refer to clusters, not to outside actors.
    await expectAppError(
      sendReferral(database.db, w.advisor, referralForm([w.capital.id], { targetIds: [trade?.value] }), NOW),
      'validation',
    );
  });

  it('keeps the contact’s details out of the audit log', async () => {
    const w = await referralWorld(database.db);
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.capital.id]), NOW);
    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      database.db,
      sql`select after from audit_log where entity = 'referrals' and entity_id = ${ids[0]}`,
    );
    expect(audit?.after).toMatchObject({
      contact_name: 'redacted',
      contact_email: 'redacted',
      contact_phone: 'redacted',
      need: 'redacted',
      company_name: 'Syntetisk Robot ApS',
    });
    expect(JSON.stringify(audit?.after)).not.toContain('Karen');
  });
});
