import { z } from 'zod';
import { clusterLeague, funderLevel, organisationKind } from '../../db/schema/index.ts';
import { MUNICIPALITY_CODES } from '../reference/geography.ts';
import { isValidCvr } from '../reference/identifiers.ts';

export const ORGANISATION_KINDS = organisationKind.enumValues;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const FUNDER_LEVELS = funderLevel.enumValues;
export const CLUSTER_LEAGUES = clusterLeague.enumValues;

/** An empty form field is no value. Messages are keys of the UI's validation texts. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const cvr = z
  .string()
  .trim()
  .refine((v) => isValidCvr(v), 'cvrInvalid');
const municipalityCode = z.coerce
  .number('invalid')
  .int('invalid')
  .refine((code) => MUNICIPALITY_CODES.has(code), 'invalid');

/**
 * An organisation as an admin writes it. A funder has a level of government; a cluster
 * organisation a league (its place in the programme, which decides its responsible funder).
 */
export const organisationForm = z
  .object({
    kind: z.enum(ORGANISATION_KINDS, 'required'),
    name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    cvr: optional(cvr),
    address: optional(z.string().trim().max(300, 'tooLong')),
    municipalityCode: optional(municipalityCode),
    funderLevel: optional(z.enum(FUNDER_LEVELS, 'invalid')),
    league: optional(z.enum(CLUSTER_LEAGUES, 'invalid')),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'funder' && !v.funderLevel)
      ctx.addIssue({ code: 'custom', path: ['funderLevel'], message: 'required' });
    // A regional funder administers its region's money: the region is that of its municipality.
    if (v.funderLevel === 'regional' && v.municipalityCode === undefined)
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'required' });
    if (v.kind === 'cluster_organisation' && !v.league)
      ctx.addIssue({ code: 'custom', path: ['league'], message: 'required' });
  });
export type OrganisationInput = z.infer<typeof organisationForm>;

/** The register's filter: a kind that is no kind shows every organisation. */
export const registerFilter = z.object({ kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined) });

/** Merging a duplicate: the record that is kept. */
export const organisationMergeForm = z.object({ survivorId: z.uuid('invalid') });

/** Ending an organisation: the day, and for a cluster optionally the cluster that carries on. */
export const endOrganisationForm = z.object({
  endedOn: z.iso.date('invalid'),
  successorId: optional(z.uuid('invalid')),
});
export type EndOrganisationInput = z.infer<typeof endOrganisationForm>;
