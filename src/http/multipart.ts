import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '../domain/errors.ts';
import type { DeliveryFile } from '../domain/reporting/delivery/load.ts';
import type { AppContext } from './context.ts';

/** A file part of a multipart form, written to a temporary file that lives as long as the request. */
export interface UploadedFile {
  /** The form field it was sent in (`files`, `file`, ...). */
  field: string;
  /** The file name the client gave, without any directory part. */
  name: string;
  /** Where its bytes are on disk, in the request's temporary directory. */
  path: string;
  bytes: number;
}

/** A multipart/form-data body read to the end: its text fields in memory, its files on disk. */
export interface MultipartForm {
  /** Text fields; a field sent more than once is a list. */
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
}

export interface MultipartLimits {
  /** The whole body in bytes; more is refused with 'too_large' and nothing is kept. */
  maxBytes: number;
  maxFields?: number;
  maxFieldBytes?: number;
  maxFiles?: number;
  /**
   * Called with the fields read so far when the first file part starts; throwing refuses the
   * request before any byte of a file is written (the CSRF check: the token comes first).
   */
  beforeFirstFile?: (fields: MultipartForm['fields']) => void;
  /** Where the request's temporary directory is made; the system's by default. */
  tempRoot?: string;
}

const DEFAULTS = { maxFields: 100, maxFieldBytes: 64 * 1024, maxFiles: 20 };

export const isMultipart = (contentType: string | undefined | null) =>
  (contentType ?? '').toLowerCase().startsWith('multipart/form-data');

const emptyForm = (): MultipartForm => ({ fields: Object.create(null), files: [] });

/**
 * Reads a multipart/form-data request as a stream and hands its form to `use`: text fields
 * (bounded in number and size) in memory, each file part written to a file in a temporary
 * directory of this request, with backpressure (the body is read no faster than the disk
 * takes it), so memory does not grow with the upload. The directory is removed when `use`
 * settles, whatever happens; a body over `maxBytes` is refused with 'too_large' and its partial
 * files are removed. File parts without a name and without bytes (a file input left empty) are
 * left out.
 */
export async function withMultipartForm<T>(
  request: Request,
  limits: MultipartLimits,
  use: (form: MultipartForm) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(limits.tempRoot ?? tmpdir(), 'klynge-upload-'));
  try {
    return await use(await parseMultipart(request, dir, limits));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const tooLarge = (what: string) => new AppError('too_large', what);

/** Reads a part to nowhere; the parser may still end it with the error that stopped the request. */
function discard(stream: Readable) {
  stream.on('error', () => {});
  stream.resume();
}

/** Parses the body into `dir` (which the caller removes); see withMultipartForm. */
export async function parseMultipart(
  request: Request,
  dir: string,
  limits: MultipartLimits,
): Promise<MultipartForm> {
  const { maxFields, maxFieldBytes, maxFiles } = { ...DEFAULTS, ...limits };
  const form = emptyForm();
  if (!request.body) return form;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      defCharset: 'utf8',
      defParamCharset: 'utf8',
      limits: { fields: maxFields, fieldSize: maxFieldBytes, files: maxFiles, fieldNameSize: 200 },
    });
  } catch {
    throw new AppError('validation', 'The multipart body could not be read (no boundary)');
  }

  let failure: unknown = null;
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limits.maxBytes) done(tooLarge(`The request body is over ${limits.maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  const abort = (error: unknown) => {
    failure ??= error;
    counter.destroy(error as Error);
  };
  const writes: Promise<void>[] = [];
  const parts: UploadedFile[] = [];
  let sawFile = false;

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated)
      return abort(tooLarge(`The form field ${name} is too long`));
    const prior = form.fields[name];
    form.fields[name] = prior === undefined ? value : [prior, value].flat();
  });
  parser.on('file', (field, stream, info) => {
    if (failure) return discard(stream);
    if (!sawFile) {
      sawFile = true;
      try {
        limits.beforeFirstFile?.(form.fields);
      } catch (error) {
        discard(stream);
        return abort(error);
      }
    }
    const file: UploadedFile = {
      field,
      name: info.filename ?? '',
      path: join(dir, `part-${parts.length + 1}`),
      bytes: 0,
    };
    const out = createWriteStream(file.path, { flags: 'wx' });
    const written = pipeline(stream, out).then(
      () => {
        file.bytes = out.bytesWritten;
      },
      (error) => abort(error),
    );
    writes.push(written);
    parts.push(file);
  });
  parser.on('fieldsLimit', () => abort(tooLarge('Too many form fields')));
  parser.on('filesLimit', () => abort(tooLarge('Too many files')));

  const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
  try {
    await pipeline(source, counter, parser);
  } catch (error) {
    failure ??=
      error instanceof AppError ? error : new AppError('validation', 'The multipart body could not be read');
  }
  // Every file stream ends (or fails) with the parser; wait until the disk has all of them.
  await Promise.allSettled(writes);
  if (failure) throw failure;
  form.files = parts.filter((f) => !(f.name === '' && f.bytes === 0));
  return form;
}

/** The multipart form of this request as the CSRF check read it; an empty form for any other body. */
export const uploadedForm = (c: AppContext): MultipartForm => c.get('form') ?? emptyForm();

/** An uploaded file as the import reads it: streamed from its temporary file under its own name. */
export const deliveryFile = (file: UploadedFile): DeliveryFile => ({
  name: file.name,
  open: () => createReadStream(file.path),
  path: file.path,
});
