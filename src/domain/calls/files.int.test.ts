import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { pdfBytes } from '../../../test/support/pdf.ts';
import { startSmtpServer } from '../../../test/support/smtp.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { calls } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../policy/policy.ts';
import { saveApplication, submitApplication } from './applications.ts';
import { addAttachment, listAttachments, readAttachment } from './attachments.ts';
import { submissionReceipt } from './letters.ts';
import { callSetupInput } from './schemas.ts';
import { findCallSetup, setUpCall } from './setup.ts';

const NOW = new Date('2027-03-01T09:00:00Z');
let database: Database;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'klynge-attachments-'));
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function editor(role: Role, organisationId?: string): Promise<Caller & { email: string }> {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return {
    email: user.email,
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
  };
}

async function openCallWithDraft() {
  const db = database.db;
  const funderOrg = await createOrganisation(db, { kind: 'funder' });
  const owner = await editor('funder', funderOrg.id);
  const cluster = await createOrganisation(db, { name: 'Testklyngen' });
  const staff = await editor('cluster_staff', cluster.id);
  const [call] = await withActor(db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({
        ownerId: funderOrg.id,
        slug: `c-${Math.random().toString(36).slice(2)}`,
        title: 'Testopslag',
        status: 'published',
        deadline: new Date(NOW.getTime() + 86_400_000),
      })
      .returning(),
  );
  if (!call) throw new Error('no call');
  await setUpCall(
    db,
    owner,
    call.id,
    callSetupInput.parse({
      titleEn: 'Test call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [{ funderId: funderOrg.id, year: 2028, amountDkk: 100 }],
      requirements: [{ textDa: 'CVR', textEn: 'CVR' }],
      criteria: [{ titleDa: 'Kvalitet', titleEn: 'Quality', weight: 100 }],
    }),
    NOW,
  );
  const { id } = await saveApplication(
    db,
    staff,
    call.id,
    cluster.id,
    { title: 'Vores ansøgning', answers: {}, texts: {}, budget: [] },
    NOW,
  );
  return { call, owner, staff, cluster, applicationId: id };
}

describe('attachments', () => {
  it('keeps a PDF under the data directory and refuses files by content, not by name', async () => {
    const { staff, owner, applicationId, call, cluster } = await openCallWithDraft();
    const db = database.db;
    const pdf = await pdfBytes('Årsregnskab');
    const stored = await addAttachment(
      db,
      staff,
      dataDir,
      applicationId,
      { name: '../../regnskab "2026".pdf', bytes: pdf },
      NOW,
    );
    expect(stored).toMatchObject({
      mediaType: 'application/pdf',
      fileName: 'regnskab _2026_.pdf',
      sizeBytes: pdf.byteLength,
    });
    expect(await readdir(join(dataDir, 'attachments'))).toEqual([stored.storageKey]);
    const text = new TextEncoder().encode('<script>alert(1)</script>');
    const err = await addAttachment(
      db,
      staff,
      dataDir,
      applicationId,
      { name: 'fake.pdf', bytes: text },
      NOW,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooBig = await addAttachment(
      db,
      staff,
      dataDir,
      applicationId,
      { name: 'big.pdf', bytes: big },
      NOW,
    ).catch((e: unknown) => e);
    expect((tooBig as AppError).code).toBe('too_large');
    expect(await listAttachments(db, staff, applicationId)).toHaveLength(1);
    expect(await readdir(join(dataDir, 'attachments'))).toHaveLength(1);
    // A draft's attachment is the applicant's only; once submitted the call owner reads it too.
    const code = (who: Caller) =>
      readAttachment(db, who, dataDir, stored.id).then(
        (file) => (file.bytes.equals(pdf) ? 'read' : 'other bytes'),
        (e: AppError) => e.code,
      );
    const stranger = await editor('cluster_staff');
    expect([await code(staff), await code(owner), await code(stranger)]).toEqual([
      'read',
      'forbidden',
      'forbidden',
    ]);
    const setup = await findCallSetup(db, owner.principal, call.id);
    const answers = { [setup?.requirements[0]?.id ?? '']: 'CVR 12345678' };
    await saveApplication(
      db,
      staff,
      call.id,
      cluster.id,
      { title: 'Vores ansøgning', answers, texts: {}, budget: [] },
      NOW,
    );
    await submitApplication(db, staff, applicationId, NOW);
    expect([await code(staff), await code(owner), await code(stranger)]).toEqual([
      'read',
      'read',
      'forbidden',
    ]);
  });
});

describe('submission receipt', () => {
  it('is delivered by SMTP to the person who submitted', async () => {
    const { mailer, received, close } = await startSmtpServer();
    try {
      const { staff, applicationId, call } = await openCallWithDraft();
      // the draft has no answer to the requirement yet: refused
      const refused = await submitApplication(database.db, staff, applicationId, NOW).catch(
        (e: AppError) => e.code,
      );
      expect(refused).toBe('validation');
      const setup = await findCallSetup(database.db, staff.principal, call.id);
      const requirementId = setup?.requirements[0]?.id ?? '';
      await saveApplication(
        database.db,
        staff,
        call.id,
        staff.principal.memberships[0]?.organisationId ?? '',
        {
          title: 'Vores ansøgning',
          answers: { [requirementId]: 'CVR 12345678' },
          texts: {},
          budget: [],
        },
        NOW,
      );
      await submitApplication(database.db, staff, applicationId, NOW);
      await mailer.send(
        submissionReceipt({
          to: staff.email,
          callTitle: call.title,
          organisationName: 'Testklyngen',
          applicationTitle: 'Vores ansøgning',
          reference: 'ANS-2027-0A1B2C3D',
          submittedAt: NOW,
        }),
      );
      expect(received).toHaveLength(1);
      expect(received[0]?.to).toEqual([staff.email]);
      expect(received[0]?.data).toContain('til opslaget "Testopslag" 1. marts 2027 kl. 10.00 (dansk tid)');
      expect(received[0]?.data).toContain('Referencenummer: ANS-2027-0A1B2C3D');
    } finally {
      await close();
    }
  });
});
