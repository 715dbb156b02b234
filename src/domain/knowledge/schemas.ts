import { z } from 'zod';
import { knowledgeAccess, knowledgeKind, knowledgeTopic } from '../../db/schema/knowledge.ts';

export const KNOWLEDGE_KINDS = knowledgeKind.enumValues;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
export const KNOWLEDGE_TOPICS = knowledgeTopic.enumValues;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];
export const KNOWLEDGE_ACCESS = knowledgeAccess.enumValues;
export type KnowledgeAccess = (typeof KNOWLEDGE_ACCESS)[number];

/** Templates are documents of a few pages: more than this is refused. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
/** The file types a template may have, recognised from the bytes, with their file extension. */
export const TEMPLATE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/** Messages are keys the pages translate (src/http/web/knowledge/messages.ts). */
const text = (min: number, max: number) => z.string().trim().min(min, 'required').max(max, 'tooLong');

/** The texts and settings of an article or template; the kind is chosen once, when it is created. */
export const knowledgeItemInput = z.object({
  topic: z.enum(KNOWLEDGE_TOPICS, 'topic'),
  access: z.enum(KNOWLEDGE_ACCESS, 'access'),
  titleDa: text(3, 120),
  titleEn: text(3, 120),
  summaryDa: text(10, 300),
  summaryEn: text(10, 300),
  bodyDa: z.string().trim().max(20_000, 'tooLong').default(''),
  bodyEn: z.string().trim().max(20_000, 'tooLong').default(''),
});
export type KnowledgeItemInput = z.infer<typeof knowledgeItemInput>;

export const newKnowledgeItemInput = knowledgeItemInput.extend({ kind: z.enum(KNOWLEDGE_KINDS, 'kind') });

/** What changed in a new version of a template, in both languages. */
export const templateVersionInput = z.object({
  changesDa: text(3, 500),
  changesEn: text(3, 500),
});
