import type { z } from 'zod';

/**
 * A page's filters from its query string, field by field: a value that does not fit is left out
 * (the filter is off) rather than refused, so an edited or outdated link still shows a list.
 * The JSON API refuses the same values instead (src/http/api/request.ts).
 */
export function lenientQuery<S extends z.ZodRawShape>(
  shape: S,
  raw: Record<string, string>,
): z.infer<z.ZodObject<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = (schema as z.ZodType).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
    else {
      const fallback = (schema as z.ZodType).safeParse(undefined);
      if (fallback.success) out[key] = fallback.data;
    }
  }
  return out as z.infer<z.ZodObject<S>>;
}
