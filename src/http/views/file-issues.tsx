import { ScrollingTable } from './table.tsx';

/** The words of a table of problems found in an uploaded file. */
export interface FileIssueWords {
  line: string;
  column: string;
  value: string;
  problem: string;
  /** In the line column of a problem with the whole file. */
  wholeFile: string;
  /** In an empty column or value cell. */
  none: string;
}

/** One problem: where in the file (line, column), the value found, and what is wrong, in words. */
export interface FileIssueRow {
  line: number | null | undefined;
  column: string | null | undefined;
  value: string | null | undefined;
  message: string;
}

/** The problems of an uploaded file (an import, a list), one row each, in a scrolling table. */
export function FileIssueTable({
  caption,
  words,
  rows,
}: {
  caption: string;
  words: FileIssueWords;
  rows: readonly FileIssueRow[];
}) {
  return (
    <ScrollingTable label={caption}>
      <table class="table table--compact table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.line}</th>
            <th scope="col">{words.column}</th>
            <th scope="col">{words.value}</th>
            <th scope="col">{words.problem}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.line ?? words.wholeFile}</td>
              <td>{r.column ? <code>{r.column}</code> : words.none}</td>
              <td>{r.value ? <code>{r.value}</code> : words.none}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
