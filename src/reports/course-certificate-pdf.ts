import PDFDocument from 'pdfkit';
import { chooseFonts } from './pdf.ts';

/** A certificate of attendance as the PDF shows it: every text already in the reader's language. */
export interface CertificateDocument {
  lang: 'da' | 'en';
  title: string;
  /** "This is to certify that". */
  lead: string;
  participant: string;
  organisationName: string;
  /** "has attended all n modules of". */
  attendedText: string;
  programme: string;
  /** One line per module: its number, day and times. */
  modules: string[];
  /** The total hours, or null when not known. */
  hours: string | null;
  /** Issued by whom and when. */
  issued: string;
}

const MARGIN = 60;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#0059b3';

/** One A4 page: the title, the participant in large type, the programme and its modules, the issuer. */
export function courseCertificatePdf(d: CertificateDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: d.lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: { Title: `${d.title}: ${d.participant}`, Author: 'Klyngeportalen' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const texts = [d.participant, d.organisationName, d.programme, d.issued, d.attendedText];
  const { fonts, clean } = chooseFonts(doc, texts);
  const width = doc.page.width - 2 * MARGIN;
  const centred = { width, align: 'center' as const };
  doc.fillColor(INK).font(fonts.bold).fontSize(28).text(clean(d.title), MARGIN, 140, centred);
  doc
    .moveTo(MARGIN + width / 4, doc.y + 10)
    .lineTo(MARGIN + (3 * width) / 4, doc.y + 10)
    .lineWidth(1.5)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(2).font(fonts.regular).fontSize(12).text(clean(d.lead), MARGIN, doc.y, centred);
  doc.moveDown(0.6).font(fonts.bold).fontSize(22).text(clean(d.participant), centred);
  doc
    .moveDown(0.3)
    .font(fonts.regular)
    .fontSize(12)
    .fillColor(MUTED)
    .text(clean(d.organisationName), centred);
  doc.moveDown(1).fillColor(INK).text(clean(d.attendedText), centred);
  doc.moveDown(0.6).font(fonts.bold).fontSize(16).text(clean(d.programme), centred);
  doc.moveDown(1.2).font(fonts.regular).fontSize(11);
  for (const line of d.modules) doc.text(clean(line), centred);
  if (d.hours) doc.moveDown(0.6).text(clean(d.hours), centred);
  doc.moveDown(3).fontSize(10).fillColor(MUTED).text(clean(d.issued), centred);
  doc.end();
  return done;
}
