import { z } from 'zod';
import { grantSource } from '../../db/schema/index.ts';
import { requiredDanishNumber } from '../reference/danish.ts';

export const GRANT_SOURCES = grantSource.enumValues;

/** The largest grant accepted: far above any cluster grant, well inside a bigint. */
export const MAX_GRANT_DKK = 10_000_000_000;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * One funder's grant to one cluster in one year, as a funder or an admin writes it (the funder is
 * the portfolio's). Messages are keys of the UI's validation texts.
 */
export const grantForm = z.object({
  clusterId: z.uuid('required'),
  year: z.coerce.number('invalid').int('invalid').min(2000, 'invalid').max(2100, 'invalid'),
  amountDkk: requiredDanishNumber({ min: 0, max: MAX_GRANT_DKK }),
  source: z.enum(GRANT_SOURCES, 'required'),
  /** A checkbox: present when ticked. */
  responsible: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  overrideReason: z.preprocess(blank, z.string().trim().max(500, 'tooLong').optional()),
});
export type GrantInput = z.infer<typeof grantForm>;

/** Removing one year's grant from a portfolio. */
export const removeGrantForm = z.object({ grantId: z.uuid('invalid') });
