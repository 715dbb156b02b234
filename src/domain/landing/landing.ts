import type { Queryable } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { type GroupKey, navigationFor } from '../site/sections.ts';
import { type AttentionItem, attentionOf } from './attention.ts';

export interface Landing {
  attention: AttentionItem[];
}

/**
 * The landing page of one group of the caller's work (funding, support, ...): what needs their
 * attention. Refused unless the navigation gives them that group, so nobody opens another role's page.
 */
export async function landingOf(db: Queryable, caller: Caller, group: GroupKey, now: Date): Promise<Landing> {
  if (!navigationFor(caller.principal).some((g) => g.key === group && g.landing !== null))
    throw forbidden(`Not allowed: the ${group} landing page`);
  return { attention: await attentionOf(db, caller, now) };
}
