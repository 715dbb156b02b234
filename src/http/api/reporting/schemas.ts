import { z } from 'zod';
import { TABLE_ORDER } from '../../../domain/reporting/format/records.ts';
import {
  ACTIVITY_CATEGORIES,
  COLUMNS,
  REQUIRED_COLUMNS,
  type TableName,
} from '../../../domain/reporting/format/rows.ts';
import type { JsonSchema } from '../openapi.ts';
import { schemaRef } from '../openapi.ts';

/** The shapes of the reporting API's answers and request rows, for the OpenAPI document and the tests. */

const fileSchema = z.object({
  name: z.string().meta({
    description: 'File name; `request.json#activities` for JSON rows, `book.xlsx#sheet` for sheets',
  }),
  table: z.enum(['clusters', 'activities', 'participants', 'workbook']).nullable(),
  bytes: z.int(),
  sha256: z.string(),
  rows: z.int(),
});
const countsSchema = z.object({ clusters: z.int(), activities: z.int(), participants: z.int() });
export const deliverySchema = z.object({
  id: z.uuid(),
  status: z.enum(['loaded', 'rejected']),
  channel: z.enum(['cli', 'web', 'api']),
  submittedBy: z.string().meta({ description: 'Who delivered: a user, or an API token by prefix and name' }),
  organisationId: z.uuid().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  files: z.array(fileSchema),
  counts: countsSchema.meta({ description: 'Rows read per table' }),
  errorCount: z.int(),
  activityRuleCount: z.int().meta({
    description:
      'Delivered activities with fewer than two participants or no company (the activity rule, 1.1): they load, and are listed',
  }),
  links: z.object({ self: z.url(), html: z.url() }),
});
export const activityRuleBreachSchema = z.object({
  clusterCvr: z.string(),
  activityRef: z.string(),
  title: z.string(),
  participants: z.int(),
  companies: z.int(),
});
export const deliveryErrorSchema = z.object({
  file: z.string(),
  line: z.int().meta({ description: 'Line in the file (header = 1); 0 for the file as a whole' }),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string().meta({ examples: ['cvr', 'required', 'unknownActivity', 'notYourCluster'] }),
  message: z.string(),
  index: z
    .int()
    .optional()
    .meta({ description: 'JSON deliveries: position of the row in its array, from 0' }),
  pointer: z
    .string()
    .optional()
    .meta({ description: 'JSON deliveries: JSON Pointer to the value, e.g. /activities/3/title' }),
});
export const deliveryDetailSchema = deliverySchema.extend({
  errors: z.array(deliveryErrorSchema).meta({ description: 'At most the first 1,000 errors' }),
  activityRule: z.array(activityRuleBreachSchema).meta({
    description: 'The first 1,000 delivered activities that break the activity rule when the delivery loaded',
  }),
});
const pageMeta = z.object({ total: z.int(), page: z.int(), perPage: z.int() });
const pageLinksSchema = z.object({ next: z.url().nullable(), prev: z.url().nullable() });
export const deliveryListSchema = z.object({
  data: z.array(deliverySchema),
  meta: pageMeta,
  links: pageLinksSchema,
});
export const activitySchema = z.object({
  clusterCvr: z.string(),
  clusterName: z.string(),
  activityRef: z.string(),
  title: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  municipalityCode: z.int().nullable(),
  grantDkk: z.int().nullable(),
  externalFundingDkk: z.int().nullable(),
  privateCofinancingHours: z.number().nullable(),
  cofinancingFeesDkk: z.int().nullable().meta({ description: 'Private co-financing as fees (1.1)' }),
  cofinancingSponsorshipDkk: z
    .int()
    .nullable()
    .meta({ description: 'Private co-financing from sponsors (1.1)' }),
  cofinancingFoundationsDkk: z
    .int()
    .nullable()
    .meta({ description: 'Co-financing from private foundations (1.1)' }),
  euApplication: z.boolean().meta({ description: 'Helped develop an application to an EU programme (1.1)' }),
  participants: z.int(),
  companies: z.int(),
  knowledgeInstitutions: z.int(),
  foreignParticipants: z.int(),
  innovatingCompanies: z.int().meta({ description: 'Company participants with new_product = 1' }),
  breaksActivityRule: z.boolean().meta({
    description:
      'Fewer than two participants or no company: the activity rule of the 2021-2024 call (1.1), a data-quality warning',
  }),
  updatedAt: z.iso.datetime(),
});
export const activityListSchema = z.object({
  data: z.array(activitySchema),
  meta: pageMeta.extend({ year: z.int() }),
  links: pageLinksSchema,
});

/** A JSON row of a table: the columns of the reporting format as keys. */
export function rowSchema(table: TableName): JsonSchema {
  const properties = Object.fromEntries(
    COLUMNS[table].map((column) => [
      column,
      column === 'stronghold_industries'
        ? { type: ['array', 'string', 'null'], items: { type: 'string' } }
        : { type: ['string', 'number', 'boolean', 'null'] },
    ]),
  );
  return { type: 'object', properties, required: [...REQUIRED_COLUMNS[table]], additionalProperties: false };
}

export const ROW_SCHEMA: Record<TableName, string> = {
  clusters: 'ClusterRow',
  activities: 'ActivityRow',
  participants: 'ParticipantRow',
};

export const deliveryRowsSchema: JsonSchema = {
  type: 'object',
  description:
    'Rows per table with the columns of the reporting format as keys. Numbers may be JSON numbers or text, ' +
    'flags true/false or 0/1, null or a missing key is an empty cell. The rules are those of the files.',
  properties: Object.fromEntries(
    TABLE_ORDER.map((t) => [t, { type: 'array', items: schemaRef(ROW_SCHEMA[t]) }]),
  ),
  additionalProperties: false,
};
