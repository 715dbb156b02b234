import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { auditLog, clusters } from '../../db/schema/index.ts';
import { grantTemplateCsv, grantTemplateXlsx, plannedGrantsCsv } from '../../reports/grant-template.ts';
import type { Caller } from '../caller.ts';
import { importGrants, previewGrantImport } from './import.ts';
import { readGrantFile } from './import-file.ts';

let database: Database;
let dir: string;
let ministry: { id: string; slug: string };
let region: { id: string; slug: string };
let ministryStaff: Caller;
let regionStaff: Caller;
let worldClass: { id: string; slug: string; cvr: string | null };
let regional: { id: string; slug: string; cvr: string | null };

async function clusterOfLeague(league: 'world_class' | 'regional') {
  const cvr = randomCvr();
  const org = await createCluster(database.db, { cvr, name: `Klynge ${cvr}`, slug: `import-${cvr}` });
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.update(clusters).set({ league }).where(eq(clusters.organisationId, org.id)),
  );
  return org;
}

let files = 0;
async function csvFile(lines: string[], name = 'bevillinger.csv') {
  const path = join(dir, `${++files}-${name}`);
  await writeFile(path, `${lines.join('\r\n')}\r\n`);
  return { name, path };
}

const HEADER = 'cluster,year,amount_dkk,source,responsible,override_reason';

async function grantsOf(funderId: string) {
  return queryRows<{
    clusterId: string;
    year: number;
    amount: number;
    responsible: boolean;
    reason: string | null;
  }>(
    database.db,
    sql`select cluster_id as "clusterId", year, amount_dkk::float8 as amount, responsible,
               responsible_override_reason as reason
        from funding_grants where funder_id = ${funderId} order by year, amount_dkk`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'klynge-grant-import-'));
  ministry = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'national' });
  region = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' });
  ministryStaff = await createCaller(database.db, 'funder', { organisationId: ministry.id });
  regionStaff = await createCaller(database.db, 'funder', { organisationId: region.id });
  worldClass = await clusterOfLeague('world_class');
  regional = await clusterOfLeague('regional');
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importing a portfolio', () => {
  it('previews a good file, then writes every row in one audited transaction', async () => {
    const file = await csvFile([
      HEADER,
      `${worldClass.slug},2025,1.500.000,finance_act,yes,`,
      `${regional.cvr},2025,250000,finance_act,no,`,
      `${worldClass.slug},2026,"1.750.000",finance_act,ja,`,
    ]);
    const preview = await previewGrantImport(database.db, ministryStaff, ministry.id, file);
    expect(preview).toMatchObject({ ok: true, counts: { new: 3, changed: 0, unchanged: 0 } });
    expect(await grantsOf(ministry.id)).toEqual([]);

    const imported = await importGrants(database.db, ministryStaff, ministry.id, file);
    expect(imported.ok).toBe(true);
    expect(await grantsOf(ministry.id)).toEqual([
      { clusterId: regional.id, year: 2025, amount: 250_000, responsible: false, reason: null },
      { clusterId: worldClass.id, year: 2025, amount: 1_500_000, responsible: true, reason: null },
      { clusterId: worldClass.id, year: 2026, amount: 1_750_000, responsible: true, reason: null },
    ]);
    const [audited] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${auditLog}
          where entity = 'funding_grants' and actor_label = ${ministryStaff.actor.label}`,
    );
    expect(audited?.n).toBe(3);
  });

  it('tells new, changed and unchanged rows apart, and imports what the preview sends back', async () => {
    const file = await csvFile([
      'cluster;year;amount_dkk;source;responsible;override_reason',
      `${worldClass.slug};2025;1.500.000;finance_act;yes;`,
      `${regional.slug};2025;300.000;finance_act;no;`,
      `${regional.slug};2027;100.000;other;no;`,
    ]);
    const preview = await previewGrantImport(database.db, ministryStaff, ministry.id, file);
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview.grants.map((g) => [g.line, g.change])).toEqual([
      [2, 'unchanged'],
      [3, 'changed'],
      [4, 'new'],
    ]);
    const sentBack = {
      name: 'preview.csv',
      content: new TextEncoder().encode(plannedGrantsCsv(preview.grants)),
    };
    const imported = await importGrants(database.db, ministryStaff, ministry.id, sentBack);
    expect(imported).toMatchObject({ ok: true, counts: { new: 1, changed: 1, unchanged: 1 } });
    const amounts = (await grantsOf(ministry.id)).map((g) => [g.year, g.amount]);
    expect(amounts).toEqual([
      [2025, 300_000],
      [2025, 1_500_000],
      [2026, 1_750_000],
      [2027, 100_000],
    ]);
  });

  it('names every wrong row by line and column and writes nothing', async () => {
    const before = await grantsOf(region.id);
    const file = await csvFile([
      `${HEADER},funder`,
      `${regional.slug},2025,400000,regional_development_funds,yes,,${region.slug}`,
      `${worldClass.slug},2025,100000,regional_development_funds,yes,,`,
      `ukendt-klynge,1999,mange,lottery,maybe,,`,
      `${regional.slug},2026,50000,other,no,,${ministry.slug}`,
      `${regional.slug},2025,1,other,no,,`,
    ]);
    const result = await importGrants(database.db, regionStaff, region.id, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      // A regional funder responsible for a world-class cluster breaks the league rule without a reason.
      [3, 'override_reason', 'overrideReasonRequired'],
      [4, 'cluster', 'unknownCluster'],
      [4, 'year', 'year'],
      [4, 'amount_dkk', 'amount'],
      [4, 'source', 'source'],
      [4, 'responsible', 'yesNo'],
      [5, 'funder', 'otherFunder'],
      [6, 'cluster', 'duplicateRow'],
    ]);
    expect(result.issues.find((i) => i.code === 'duplicateRow')?.detail).toBe(2);
    expect(await grantsOf(region.id)).toEqual(before);
  });

  it('keeps one responsible funder a cluster and year, and takes an override with its reason', async () => {
    const taken = await csvFile([HEADER, `${worldClass.slug},2025,100000,other,yes,Overgangsordning`]);
    const refused = await importGrants(database.db, regionStaff, region.id, taken);
    expect(refused.ok ? [] : refused.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'responsible', 'responsibleTaken'],
    ]);
    const overridden = await csvFile([HEADER, `${worldClass.slug},2028,100000,other,yes,Overgangsordning`]);
    expect((await importGrants(database.db, regionStaff, region.id, overridden)).ok).toBe(true);
    expect(await grantsOf(region.id)).toEqual([
      {
        clusterId: worldClass.id,
        year: 2028,
        amount: 100_000,
        responsible: true,
        reason: 'Overgangsordning',
      },
    ]);
  });

  it('reads the first sheet of an XLSX workbook, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Portefølje');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([regional.slug, 2029, 725000, 'regional_development_funds', 'nej', '']);
    sheet.addRow([]);
    sheet.addRow([regional.cvr, 2030, 800000, 'eu_structural_funds', 'no']);
    const path = join(dir, 'portefolje.xlsx');
    await workbook.xlsx.writeFile(path);
    const result = await importGrants(database.db, regionStaff, region.id, { name: 'portefolje.xlsx', path });
    expect(result).toMatchObject({ ok: true, counts: { new: 2, changed: 0, unchanged: 0 } });
    expect((await grantsOf(region.id)).filter((g) => g.year >= 2029).map((g) => [g.year, g.amount])).toEqual([
      [2029, 725_000],
      [2030, 800_000],
    ]);
  });

  it('refuses a file that is no portfolio, naming what is wrong', async () => {
    const noColumns = await csvFile(['cluster,year,amount', `${regional.slug},2025,1`]);
    const result = await previewGrantImport(database.db, regionStaff, region.id, noColumns);
    expect(result.ok ? [] : result.issues.map((i) => [i.line, i.column, i.value, i.code])).toEqual([
      [1, null, 'amount', 'unknownColumn'],
      [1, 'amount_dkk', null, 'missingColumn'],
      [1, 'source', null, 'missingColumn'],
      [1, 'responsible', null, 'missingColumn'],
      [1, 'override_reason', null, 'missingColumn'],
    ]);
    const notXlsx = await csvFile(['not a workbook'], 'fake.xlsx');
    const fake = await previewGrantImport(database.db, regionStaff, region.id, notXlsx);
    expect(fake.ok ? [] : fake.issues.map((i) => i.code)).toEqual(['notXlsx']);
  });

  it('offers templates that read without a problem of form', async () => {
    const csv = await csvFile([grantTemplateCsv().trimEnd()]);
    expect(await readGrantFile(csv)).toMatchObject({ issues: [], rows: [{ line: 2 }] });
    const path = join(dir, 'skabelon.xlsx');
    await writeFile(path, await grantTemplateXlsx());
    const read = await readGrantFile({ name: 'skabelon.xlsx', path });
    expect(read.issues).toEqual([]);
    expect(read.rows[0]?.values).toMatchObject({
      cluster: 'odense-robotics',
      year: '2026',
      responsible: 'yes',
    });
  });

  it("refuses another funder's portfolio and roles without grants", async () => {
    const file = await csvFile([HEADER, `${regional.slug},2031,1000,other,no,`]);
    await expectAppError(importGrants(database.db, regionStaff, ministry.id, file), 'forbidden');
    await expectAppError(previewGrantImport(database.db, regionStaff, ministry.id, file), 'forbidden');
    await expectAppError(
      importGrants(database.db, roleCaller('cluster_staff', regional.id), region.id, file),
      'forbidden',
    );
    await expectAppError(
      importGrants(database.db, roleCaller('support_staff'), region.id, file),
      'forbidden',
    );
    expect((await grantsOf(ministry.id)).some((g) => g.year === 2031)).toBe(false);
  });
});
