import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses input with a schema; a failure is a validation error naming each field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(
    'validation',
    'Invalid input',
    result.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })),
  );
}
