import { SaxesParser } from 'saxes';
import { MAX_RECORD_CHARS, SourceError } from './source-error.ts';

/** An element's start (attributes by their name as written), its text, or its end. Names lose their prefix. */
export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string> }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string };

/** How much of the input saxes is handed at a time: it never holds more than this beyond the limits. */
const SLICE = 64 * 1024;
const MAX_DEPTH = 64;
const MAX_ATTRIBUTES = 256;

/** The parts of saxes's state that grow with the input; checked after every slice. */
interface SaxesBuffers {
  text: string;
  name: string;
  tags: unknown[];
  attribList: unknown[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams the events of an XML part (UTF-8) in batches, one batch per slice of input. Refuses a
 * DOCTYPE (and with it every entity declaration: external, recursive or billion laughs) and any
 * text, name or attribute value longer than `maxText`, nesting deeper than 64 or more than 256
 * attributes on an element, so memory stays bounded whatever the part holds. Entities other
 * than XML's five and character references are refused by saxes itself.
 */
export async function* xmlEvents(
  source: AsyncIterable<Buffer>,
  part: string,
  maxText = MAX_RECORD_CHARS,
): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser({ position: false });
  let batch: XmlEvent[] = [];
  parser.on('opentag', (tag) => {
    batch.push({
      kind: 'open',
      name: localName(tag.name),
      attributes: tag.attributes as Record<string, string>,
    });
    if (tag.isSelfClosing) batch.push({ kind: 'close', name: localName(tag.name) });
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) batch.push({ kind: 'close', name: localName(tag.name) });
  });
  parser.on('text', (text) => batch.push({ kind: 'text', text }));
  parser.on('cdata', (text) => batch.push({ kind: 'text', text }));
  parser.on('doctype', () => {
    throw new SourceError('xmlDeclaration', 0, `${part} has a DOCTYPE or entity declaration`);
  });
  const buffers = parser as unknown as SaxesBuffers;
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (err) {
      if (err instanceof SourceError) throw err;
      throw new SourceError('xlsxSyntax', 0, `${part}: ${(err as Error).message}`);
    }
    if (buffers.text.length > maxText || buffers.name.length > maxText)
      throw new SourceError('cellTooLong', 0, `${part} has a text over ${maxText} characters`);
    if (buffers.tags.length > MAX_DEPTH || buffers.attribList.length > MAX_ATTRIBUTES)
      throw new SourceError('xlsxSyntax', 0, `${part} nests too deep or has too many attributes`);
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new SourceError('xlsxSyntax', 0, `${part} is not valid UTF-8`);
    }
  };
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; at += SLICE) write(decode(chunk.subarray(at, at + SLICE)));
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  write(decode());
  try {
    parser.close();
  } catch (err) {
    throw new SourceError('xlsxSyntax', 0, `${part}: ${(err as Error).message}`);
  }
  if (batch.length) yield batch;
}
