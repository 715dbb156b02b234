import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { type ErrorCode, errorMessage } from '../../src/domain/reporting/format/errors.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { dataFingerprint } from '../reporting/delivery-helpers.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createUser } from '../support/factories.ts';
import { type HostileFile, hostileCorpus } from '../support/hostile-files.ts';
import { type Client, createTestApp, signedInClient, type TestApp, uploadDelivery } from '../support/http.ts';

/**
 * The hostile-file corpus (test/support/hostile-files.ts) through the reporting API and the web
 * upload: each file is refused with its own clear error, never a 5xx, nothing is written, and the
 * refusal is in the delivery log. (The command line: test/reporting/cli.int.test.ts; memory and
 * latency while a bomb is refused, against a real server: hostile-memory.int.test.ts.)
 */
const C = '29403473';
let database: Database;
let t: TestApp;
let token = '';
let staff: Client;
let baseline = '';
const corpus = hostileCorpus(C);

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, {
    API_DELIVERY_RATE_LIMIT: '1000',
    API_DELIVERY_ORGANISATION_RATE_LIMIT: '1000',
  });
  const org = await createCluster(database.db, { cvr: C, name: 'Værnsklyngen', slug: 'vaern' });
  token = (
    await createApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      name: 'Korpus',
      now: new Date(),
      lifetime: 30,
    })
  ).token;
  staff = await signedInClient(
    t.app,
    (await createUser(database.db, 'cluster_staff', { organisationId: org.id })).email,
  );
  baseline = await dataFingerprint(database);
});
afterAll(() => database?.close());

const rejectedDeliveries = async () =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from deliveries where status = 'rejected'`,
    )
  )[0]?.n ?? 0;

function postFile(file: HostileFile) {
  const form = new FormData();
  form.append('files', new File([new Uint8Array(file.bytes)], file.name));
  return t.app.request('/api/v1/deliveries', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

describe(`hostile files through the API (${testDriver()})`, () => {
  for (const file of corpus) {
    it(`${file.case}: 422 naming the file and the error, logged, nothing written`, async () => {
      const before = await rejectedDeliveries();
      const res = await postFile(file);
      const body = (await res.json()) as {
        error: { code: string };
        data: { status: string; errors: { file: string; code: string; message: string }[] };
      };
      expect(res.status).toBe(422);
      expect(body.error.code).toBe('delivery_rejected');
      expect(body.data.status).toBe('rejected');
      expect(body.data.errors).toEqual([
        expect.objectContaining({
          file: expect.stringMatching(new RegExp(`^${file.name.replace('.', '\\.')}`)),
          code: file.code,
          message: errorMessage(file.code as ErrorCode, 'en'),
        }),
      ]);
      expect(await rejectedDeliveries()).toBe(before + 1);
      expect(await dataFingerprint(database)).toBe(baseline);
    });
  }
});

describe(`hostile JSON rows through the API (${testDriver()})`, () => {
  const post = (body: unknown) =>
    t.app.request('/api/v1/deliveries', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const row = (title: string) => ({
    cluster_cvr: C,
    activity_ref: 'J1',
    title,
    category: 'networking',
    start_date: '2024-03-01',
  });

  it('answers a NUL byte with 422 and a row error pointing at it, logged, nothing written', async () => {
    const before = await rejectedDeliveries();
    const res = await post({ activities: [row('Work\u0000shop')] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { data: { errors: unknown[] } };
    expect(body.data.errors).toEqual([
      expect.objectContaining({
        code: 'nulCharacter',
        column: 'title',
        value: 'Work\u2400shop',
        pointer: '/activities/0/title',
      }),
    ]);
    expect(await rejectedDeliveries()).toBe(before + 1);
    expect(await dataFingerprint(database)).toBe(baseline);
  });

  it('answers a 1 MB value with 422 and echoes none of it', async () => {
    const res = await post({ activities: [row('x'.repeat(1024 * 1024))] });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(4000);
    expect(JSON.parse(text).data.errors).toEqual([
      expect.objectContaining({ code: 'cellTooLong', column: 'title', value: null, line: 2 }),
    ]);
  });
});

describe(`hostile files through the web upload (${testDriver()})`, () => {
  for (const file of corpus) {
    it(`${file.case}: the result page says rejected with the error, nothing written`, async () => {
      const result = await uploadDelivery(t, staff, { [file.name]: new Uint8Array(file.bytes) });
      expect(result.jobPath).not.toBeNull();
      expect(result.res.status).toBe(200);
      expect(result.html).toContain('Indberetningen er afvist med 1 fejl.');
      expect(result.html).toContain(errorMessage(file.code as ErrorCode, 'da'));
      expect(await dataFingerprint(database)).toBe(baseline);
    });
  }
});
