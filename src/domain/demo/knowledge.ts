import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Tx } from '../../db/client.ts';
import { knowledgeItems, templateVersions } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { KnowledgeAccess, KnowledgeTopic } from '../knowledge/schemas.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * The support function's knowledge base in the demo: the five templates clusters ask for most
 * (seed 002) and two articles. Every file is a sample made at seed time, a page that says so, not
 * a document to use; the texts say the same.
 */
const SAMPLE_DA =
  '*Eksempel: skabelonen er lavet til demonstrationen af Klyngeportalen og er ikke juridisk rådgivning.*';
const SAMPLE_EN = '*Sample: this template was made to demonstrate Klyngeportalen and is not legal advice.*';
const FIRST = { da: 'Første udgave.', en: 'First edition.' };
const PUBLISHED = new Date('2025-09-01T08:00:00Z');

interface DemoTemplate {
  da: [title: string, summary: string];
  en: [title: string, summary: string];
  topic: KnowledgeTopic;
  access: KnowledgeAccess;
  /** The versions' "what changed", oldest first; the spreadsheet template is XLSX, the others PDF. */
  versions: { da: string; en: string }[];
  spreadsheet?: true;
}

const TEMPLATES: readonly DemoTemplate[] = [
  {
    da: [
      'Samarbejdsaftale',
      'Aftale mellem klyngen og partnerne i et innovationsprojekt: roller, bidrag, tidsplan og ophør.',
    ],
    en: [
      'Collaboration agreement',
      'An agreement between the cluster and the partners of an innovation project: roles, contributions, timeline and ending.',
    ],
    topic: 'collaboration',
    access: 'public',
    versions: [
      FIRST,
      {
        da: 'Nyt afsnit om studerendes deltagelse og om offentliggørelse af resultater.',
        en: 'New section on students taking part and on publishing results.',
      },
    ],
  },
  {
    da: [
      'Fortrolighedsaftale (NDA)',
      'En gensidig fortrolighedsaftale til samtaler mellem klyngen, virksomheder og videninstitutioner.',
    ],
    en: [
      'Non-disclosure agreement (NDA)',
      'A mutual non-disclosure agreement for talks between the cluster, companies and knowledge institutions.',
    ],
    topic: 'ipr',
    access: 'public',
    versions: [FIRST],
  },
  {
    da: [
      'IPR-aftale',
      'Aftale om ejerskab og brug af viden og resultater, der opstår i et samarbejdsprojekt.',
    ],
    en: [
      'IPR agreement',
      'An agreement on who owns and may use the knowledge and results a joint project creates.',
    ],
    topic: 'ipr',
    access: 'public',
    versions: [FIRST],
  },
  {
    da: [
      'Tidsregistrering til medfinansiering',
      'Regneark til virksomheders registrering af timer, der indgår som medfinansiering af klyngens projekter.',
    ],
    en: [
      'Time registration for co-financing',
      'A spreadsheet for companies to record the hours that count as co-financing of the cluster’s projects.',
    ],
    topic: 'financing',
    access: 'public',
    versions: [FIRST],
    spreadsheet: true,
  },
  {
    da: [
      'Forretningsorden for klyngens bestyrelse',
      'Forretningsorden med bestyrelsens opgaver, møder, beslutninger, habilitet og referater.',
    ],
    en: [
      'Rules of procedure for the cluster board',
      'Rules of procedure with the board’s tasks, meetings, decisions, conflicts of interest and minutes.',
    ],
    topic: 'governance',
    access: 'signed_in',
    versions: [FIRST],
  },
];

const ARTICLES: readonly (Omit<DemoTemplate, 'versions' | 'spreadsheet'> & {
  body: [da: string, en: string];
})[] = [
  {
    da: [
      'Sådan bruger I samarbejdsaftalen',
      'Hvornår et projekt har brug for en samarbejdsaftale, og hvad I skal aftale, før I går i gang.',
    ],
    en: [
      'How to use the collaboration agreement',
      'When a project needs a collaboration agreement, and what to agree before you start.',
    ],
    topic: 'collaboration',
    access: 'public',
    body: [
      'Lav aftalen, **før** partnerne deler viden.\n\n* Hvem bidrager med hvad?\n* Hvem ejer resultaterne?\n* Hvordan slutter samarbejdet?',
      'Make the agreement **before** the partners share knowledge.\n\n* Who contributes what?\n* Who owns the results?\n* How does the collaboration end?',
    ],
  },
  {
    da: [
      'Medfinansiering i praksis',
      'Hvordan virksomheders timer opgøres og dokumenteres som medfinansiering.',
    ],
    en: ['Co-financing in practice', 'How companies’ hours are counted and documented as co-financing.'],
    topic: 'financing',
    access: 'signed_in',
    body: [
      'Timer tæller med til den sats, bevillingsgiveren fastsætter. Registrér dem løbende i skabelonen til tidsregistrering.',
      'Hours count at the rate the funder sets. Record them as you go in the time registration template.',
    ],
  },
];

/** A one-page PDF that says what it is a sample of. */
function samplePdf(title: string, version: number): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: title, Author: 'Klyngeportalen', CreationDate: PUBLISHED },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.fontSize(20).text(title).moveDown();
  doc
    .fontSize(11)
    .text(
      `Version ${version}. Eksempel lavet til demonstrationen af Klyngeportalen, ikke juridisk rådgivning.`,
    );
  doc.text('Sample made to demonstrate Klyngeportalen, not legal advice.');
  doc.end();
  return done;
}

/** A workbook with the columns of a time registration and a sum, marked as a sample. */
async function sampleTimesheet(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = PUBLISHED;
  const sheet = book.addWorksheet('Timer');
  sheet.addRow([
    'Eksempel lavet til demonstrationen af Klyngeportalen / Sample made to demonstrate Klyngeportalen',
  ]);
  sheet.addRow(['Dato', 'Medarbejder', 'Aktivitet', 'Timer', 'Timesats (kr.)', 'Beløb (kr.)']);
  sheet.addRow([null, null, null, null, null, { formula: 'D3*E3' }]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The knowledge base of the demo; returns how many items. */
export async function insertDemoKnowledge(tx: Tx): Promise<number> {
  const owner = organisationId(slugFromTitle('Cluster Excellence Denmark'));
  const item = (i: DemoTemplate | (typeof ARTICLES)[number], kind: 'article' | 'template') => ({
    id: demoUuid(`knowledge:${i.da[0]}`),
    organisationId: owner,
    slug: slugFromTitle(i.da[0]),
    kind,
    topic: i.topic,
    access: i.access,
    titleDa: i.da[0],
    summaryDa: i.da[1],
    titleEn: i.en[0],
    summaryEn: i.en[1],
    bodyDa: 'body' in i ? `${i.body[0]}\n\n${SAMPLE_DA}` : SAMPLE_DA,
    bodyEn: 'body' in i ? `${i.body[1]}\n\n${SAMPLE_EN}` : SAMPLE_EN,
    createdAt: PUBLISHED,
    updatedAt: PUBLISHED,
  });
  await tx
    .insert(knowledgeItems)
    .values([...TEMPLATES.map((t) => item(t, 'template')), ...ARTICLES.map((a) => item(a, 'article'))]);
  for (const t of TEMPLATES) {
    const slug = slugFromTitle(t.da[0]);
    for (const [index, changes] of t.versions.entries()) {
      const version = index + 1;
      const content = t.spreadsheet ? await sampleTimesheet() : await samplePdf(t.da[0], version);
      await tx.insert(templateVersions).values({
        itemId: demoUuid(`knowledge:${t.da[0]}`),
        version,
        fileName: `${slug}-v${version}.${t.spreadsheet ? 'xlsx' : 'pdf'}`,
        mediaType: t.spreadsheet
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'application/pdf',
        sizeBytes: content.byteLength,
        content,
        changesDa: changes.da,
        changesEn: changes.en,
        uploadedAt: new Date(PUBLISHED.getTime() + index * 90 * 86_400_000),
      });
    }
  }
  return TEMPLATES.length + ARTICLES.length;
}
