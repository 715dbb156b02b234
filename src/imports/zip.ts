import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SourceError } from './source-error.ts';

/**
 * What a zip archive (an .xlsx workbook) may expand to. A part may inflate to `partRatio` times
 * its compressed size (at least `partFloorBytes`) and never beyond `partBytes`; all parts read
 * together to at most `totalBytes`. Ordinary workbooks compress 5-20 times; a zip bomb 1000.
 */
export interface ZipLimits {
  entries: number;
  partBytes: number;
  partRatio: number;
  partFloorBytes: number;
  totalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  entries: 10_000,
  partBytes: 1024 * 1024 * 1024,
  partRatio: 200,
  partFloorBytes: 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
};

const notZip = (why: string) => new SourceError('notXlsx', 0, `not a valid zip file: ${why}`);
const tooLarge = (why: string) => new SourceError('xlsxTooLarge', 0, why);

/**
 * A zip archive on disk whose parts are read as streams of inflated bytes, counted against
 * ZipLimits while they inflate, so that no part can make the reader hold or chew more than the
 * limits allow whatever its header claims. Built on yauzl, which reads the central directory
 * and checks each part's size and checksum against it.
 */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: ZipLimits,
  ) {}

  /** Opens the archive and reads its directory; a file that is not a zip is a `notXlsx` SourceError. */
  static async open(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, file) =>
        err || !file ? reject(notZip(err?.message ?? 'unreadable')) : resolve(file),
      ),
    );
    try {
      const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
        const found = new Map<string, Entry>();
        zip.on('entry', (entry: Entry) => {
          if (found.size >= limits.entries) return reject(tooLarge(`more than ${limits.entries} parts`));
          found.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve(found));
        zip.on('error', (err: Error) => reject(notZip(err.message)));
        zip.readEntry();
      });
      return new ZipArchive(zip, entries, limits);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The inflated bytes of a part, chunk by chunk; stopping early (return/break) closes its stream.
   * Refused before inflating when its directory entry claims more than the limits; counted
   * while inflating, since a part's claim may lie.
   */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw notZip(`no part ${name}`);
    const limit = Math.min(
      this.limits.partBytes,
      Math.max(this.limits.partFloorBytes, entry.compressedSize * this.limits.partRatio),
    );
    const over = (bytes: number) =>
      bytes > limit
        ? tooLarge(`${name} expands to more than ${limit} bytes`)
        : this.inflated + bytes > this.limits.totalBytes
          ? tooLarge(`the workbook expands to more than ${this.limits.totalBytes} bytes`)
          : null;
    const claimed = over(entry.uncompressedSize);
    if (claimed) throw claimed;
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) =>
        err || !s ? reject(notZip(err?.message ?? 'unreadable part')) : resolve(s),
      ),
    );
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        const refused = over(bytes);
        if (refused) throw refused;
        yield chunk;
      }
    } catch (err) {
      if (err instanceof SourceError) throw err;
      throw notZip((err as Error).message);
    } finally {
      this.inflated += bytes;
      stream.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}
