/**
 * Downloads of a survey's results as the domain computed them (small cells already hidden for
 * the reader): one line per question, matrix row and answer with its count and share, as CSV
 * and XLSX; and the raw data (one line per response) for the survey's managers, as CSV.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawData } from '../domain/surveys/raw-data.ts';
import type { SurveyResults } from '../domain/surveys/results.ts';
import { type CsvValue, toCsv } from './csv-writer.ts';
import { sheetNames } from './xlsx.ts';

export type SurveyReportLang = 'da' | 'en';

const TEXT = {
  da: {
    head: ['Spørgsmål (nøgle)', 'Spørgsmål', 'Udsagn', 'Svar', 'Antal', 'Andel', 'Besvaret af', 'Gennemsnit'],
    results: 'Resultater',
    about: 'Om tallene',
    survey: 'Undersøgelse',
    respondents: 'Svar i udvalget',
    invited: 'Inviterede',
    responseRate: 'Svarprocent',
    margin: 'Største usikkerhed på en andel (95 %)',
    filter: 'Udvalg',
    suppressed: 'Tal fra færre end 5 svar er udeladt (tomme celler).',
  },
  en: {
    head: ['Question (key)', 'Question', 'Statement', 'Answer', 'Count', 'Share', 'Answered by', 'Mean'],
    results: 'Results',
    about: 'About the figures',
    survey: 'Survey',
    respondents: 'Responses in the selection',
    invited: 'Invited',
    responseRate: 'Response rate',
    margin: 'Largest uncertainty of a share (95 %)',
    filter: 'Selection',
    suppressed: 'Figures from fewer than 5 answers are left out (empty cells).',
  },
} as const;

/** The result lines: per question and matrix row, one per answer, or one with the mean or count. */
export function resultLines(results: SurveyResults, lang: SurveyReportLang): CsvValue[][] {
  return results.questions.flatMap((q) =>
    q.rows.flatMap((row) => {
      const base = [q.question.key, q.question.text[lang], row.label?.[lang] ?? null];
      if (row.choices.length === 0) return [[...base, null, null, null, row.answered, row.mean]];
      return row.choices.map((c) => [...base, c.label[lang], c.count, c.share, row.answered, row.mean]);
    }),
  );
}

export function surveyResultsCsv(results: SurveyResults, lang: SurveyReportLang): string {
  return toCsv(TEXT[lang].head, resultLines(results, lang));
}

/** The results as a workbook: a sheet of result lines and a sheet about the figures. Streams to `out`. */
export async function writeSurveyResultsXlsx(
  results: SurveyResults,
  lang: SurveyReportLang,
  out: Writable,
  generatedAt: Date,
): Promise<void> {
  const t = TEXT[lang];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Klyngeportalen';
  workbook.created = generatedAt;
  const [resultsName, aboutName] = sheetNames([t.results, t.about]);
  const sheet = workbook.addWorksheet(resultsName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = [
    { width: 22 },
    { width: 60 },
    { width: 36 },
    { width: 36 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
  ];
  const header = sheet.addRow([...t.head]);
  header.font = { bold: true };
  header.commit();
  for (const line of resultLines(results, lang)) {
    const row = sheet.addRow(line);
    row.getCell(6).numFmt = '0.0%';
    row.getCell(8).numFmt = '0.00';
    row.commit();
  }
  sheet.commit();
  const about = workbook.addWorksheet(aboutName);
  about.columns = [{ width: 40 }, { width: 80 }];
  const p = results.participation;
  const filter = Object.entries(results.filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  for (const [label, value] of [
    [t.survey, lang === 'da' ? results.survey.titleDa : results.survey.titleEn],
    [t.filter, filter || '–'],
    [t.respondents, results.respondents],
    [t.invited, p.invited],
    [t.responseRate, p.responseRate],
    [t.margin, p.margin],
    ['', results.hidesSmallCells ? t.suppressed : ''],
  ] as const) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  about.commit();
  await workbook.commit();
}

/** The raw data: a header of column keys and texts, then one line per response. */
export function rawDataCsv(raw: RawData, lang: SurveyReportLang): string {
  return toCsv(
    raw.columns.map((c) => `${c.key}: ${c.label[lang]}`),
    raw.rows,
  );
}
