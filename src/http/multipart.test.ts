import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { type MultipartForm, parseMultipart, withMultipartForm } from './multipart.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'multipart-test-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const request = (form: FormData) => new Request('http://localhost/upload', { method: 'POST', body: form });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('streaming multipart parser', () => {
  it('reads text fields into memory and writes each file to disk with its exact bytes, then removes them', async () => {
    const binary = randomBytes(3 * 1024 * 1024 + 17);
    const form = new FormData();
    form.set('_csrf', 'token');
    form.append('files', new File(['cluster_cvr,activity_ref\n'], 'aktiviteter æøå.csv'));
    form.append('files', new File([binary], 'indberetning.xlsx'));
    form.append('do', 'attach');
    form.append('do', 'again');
    let seen: MultipartForm | null = null;
    let onDisk: Buffer[] = [];
    const answer = await withMultipartForm(
      request(form),
      { maxBytes: 10 * 1024 * 1024, tempRoot: root },
      async (f) => {
        seen = f;
        onDisk = await Promise.all(f.files.map((x) => readFile(x.path)));
        return 'done';
      },
    );
    expect(answer).toBe('done');
    const got = seen as unknown as MultipartForm;
    expect(got.fields).toEqual({ _csrf: 'token', do: ['attach', 'again'] });
    expect(got.files.map(({ field, name, bytes }) => ({ field, name, bytes }))).toEqual([
      { field: 'files', name: 'aktiviteter æøå.csv', bytes: 25 },
      { field: 'files', name: 'indberetning.xlsx', bytes: binary.length },
    ]);
    expect(onDisk[0]?.toString()).toBe('cluster_cvr,activity_ref\n');
    expect(onDisk[1]?.equals(binary)).toBe(true);
    // The request's directory is gone once the callback has settled.
    expect(await readdir(root)).toEqual([]);
  });

  it('removes the files also when the callback fails', async () => {
    const form = new FormData();
    form.append('file', new File(['abc'], 'a.csv'));
    let path = '';
    const error = await refusal(
      withMultipartForm(request(form), { maxBytes: 1000, tempRoot: root }, async (f) => {
        path = f.files[0]?.path ?? '';
        throw new AppError('validation', 'no');
      }),
    );
    expect(error.code).toBe('validation');
    expect(path).not.toBe('');
    await expect(stat(path)).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves out a file input left empty', async () => {
    const form = new FormData();
    form.set('_csrf', 'token');
    form.set('file', new File([], ''));
    await withMultipartForm(request(form), { maxBytes: 1000, tempRoot: root }, async (f) => {
      expect(f.files).toEqual([]);
      expect(f.fields).toEqual({ _csrf: 'token' });
    });
  });

  it('refuses a body over the limit as too large and keeps nothing on disk', async () => {
    const form = new FormData();
    form.set('_csrf', 'token');
    form.set('file', new File([randomBytes(2 * 1024 * 1024)], 'big.csv'));
    let called = false;
    const error = await refusal(
      withMultipartForm(request(form), { maxBytes: 1024 * 1024, tempRoot: root }, async () => {
        called = true;
      }),
    );
    expect(error.code).toBe('too_large');
    expect(called).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a file that comes before the fields are accepted, without writing it', async () => {
    const form = new FormData();
    form.set('file', new File(['secret rows'], 'a.csv'));
    form.set('_csrf', 'token');
    const dir = await mkdtemp(join(root, 'req-'));
    const error = await refusal(
      parseMultipart(request(form), dir, {
        maxBytes: 1000,
        beforeFirstFile: (fields) => {
          if (fields._csrf !== 'token') throw new AppError('csrf', 'missing token');
        },
      }),
    );
    expect(error.code).toBe('csrf');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses too many or too long fields, and a body that is not multipart', async () => {
    const many = new FormData();
    for (let i = 0; i < 5; i++) many.append(`f${i}`, 'x');
    expect((await refusal(parseMultipart(request(many), root, { maxBytes: 1000, maxFields: 3 }))).code).toBe(
      'too_large',
    );
    const long = new FormData();
    long.set('note', 'x'.repeat(100));
    expect(
      (await refusal(parseMultipart(request(long), root, { maxBytes: 1000, maxFieldBytes: 10 }))).code,
    ).toBe('too_large');
    const broken = new Request('http://localhost/upload', {
      method: 'POST',
      body: '--nope\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished',
      headers: { 'content-type': 'multipart/form-data; boundary=nope' },
    });
    expect((await refusal(parseMultipart(broken, root, { maxBytes: 1000 }))).code).toBe('validation');
  });
});
