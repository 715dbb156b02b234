import { Readable } from 'node:stream';
import { readXlsx, SourceError, type SourceRecord } from '../../../imports/readers.ts';
import type { ErrorList } from '../format/errors.ts';
import { TABLE_ORDER } from '../format/records.ts';
import { stageCsv } from './copy-csv.ts';
import type { DeliveryFile, FileSummary, Progress, Timings } from './load.ts';
import { bytesProgress, hashed, stageRecords } from './read-records.ts';
import type { Stager } from './stager.ts';

/** Groups the workbook's records by sheet, in workbook order, streaming. */
async function* sheetsOf(
  source: Readable,
): AsyncGenerator<{ name: string; records: AsyncIterable<SourceRecord> }> {
  const iterator = readXlsx(source)[Symbol.asyncIterator]();
  let next = await iterator.next();
  while (!next.done) {
    const name = next.value.sheet;
    let current: IteratorResult<{ sheet: string; record: SourceRecord }> = next;
    const records = async function* () {
      while (!current.done && current.value.sheet === name) {
        yield current.value.record;
        current = await iterator.next();
      }
    };
    yield { name, records: records() };
    next = current;
  }
}

/**
 * Reads one file of a delivery (a CSV file, or a workbook sheet by sheet) into the staging tables,
 * adding every error to `errors`; `summary` gets its size, checksum, table and rows.
 */
export async function stageFile(
  file: DeliveryFile,
  fileIndex: number,
  ctx: {
    summary: FileSummary;
    stager: Stager;
    errors: ErrorList;
    progress?: Progress | undefined;
    timings?: Timings | undefined;
  },
) {
  const { summary, stager, errors, progress } = ctx;
  const onBytes = bytesProgress(file.name, summary, progress);
  const source = hashed(file.open(), summary, onBytes);
  try {
    if (/\.xlsx$/i.test(file.name)) {
      summary.table = 'workbook';
      for await (const sheet of sheetsOf(Readable.from(source))) {
        const table = TABLE_ORDER.find((t) => t === sheet.name.toLowerCase());
        const name = `${file.name}#${sheet.name}`;
        if (!table) {
          errors.add({ file: name, line: 0, column: null, value: sheet.name, code: 'sheetUnknown' });
          for await (const _ of sheet.records);
          continue;
        }
        const staged = await stageRecords(sheet.records, {
          file: name,
          fileIndex,
          stager,
          errors,
          strictWidth: false,
          forced: table,
          progress,
        });
        summary.rows += staged.rows;
      }
    } else {
      await stageCsv(source, { ...ctx, file, fileIndex, onBytes });
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    errors.add({ file: file.name, line: err.line, column: null, value: null, code: err.code });
  }
}
