import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip archive built by hand for tests: parts given as chunks are deflated one chunk at a time
 * (a part may inflate to hundreds of MiB while the test holds only its compressed bytes), and a
 * part may claim another size in the directory than it has, as a hostile archive might.
 */
export interface ZipPart {
  name: string;
  /** The part's bytes, chunk by chunk; a string is UTF-8. */
  chunks: Iterable<Buffer | string>;
  /** The uncompressed size the archive's directory claims (default: the true size). */
  claimedSize?: number;
}

function deflated(chunks: Iterable<Buffer | string>) {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  // Each chunk its own deflate block (sync flush), so no chunk is held with the next.
  const parts = [...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
  for (const [i, chunk] of parts.entries()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    out.push(deflateRawSync(chunk, { level: 9, finishFlush: i === parts.length - 1 ? 4 : 2 }));
  }
  if (parts.length === 0) out.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** The bytes of a zip archive holding the parts, deflated, in the given order. */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { data, crc, size } = deflated(part.chunks);
    const claimed = part.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(claimed, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
