/**
 * The evaluation rules in force: the latest version funders saved, else the built-in defaults.
 * Each save is a new, audited version, so which rules flagged a cluster when stays traceable.
 */
import { desc, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { evaluationRuleVersions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { DEFAULT_EVALUATION_CONFIG, type EvaluationConfig, evaluationConfigSchema } from './config.ts';

export interface RuleVersion {
  id: string;
  config: EvaluationConfig;
  note: string;
  createdByLabel: string;
  createdAt: Date;
}

/** Every saved version, newest first. */
export async function ruleVersions(db: Queryable): Promise<RuleVersion[]> {
  const rows = await db
    .select({
      id: evaluationRuleVersions.id,
      config: evaluationRuleVersions.config,
      note: evaluationRuleVersions.note,
      createdByLabel: evaluationRuleVersions.createdByLabel,
      createdAt: evaluationRuleVersions.createdAt,
    })
    .from(evaluationRuleVersions)
    .orderBy(desc(evaluationRuleVersions.createdAt), desc(evaluationRuleVersions.id));
  // Stored configs were validated on save; parsing again keeps the type honest if the schema grows.
  return rows.map((r) => ({ ...r, config: evaluationConfigSchema.parse(r.config) }));
}

/** The rules in force now. */
export async function currentEvaluationConfig(db: Queryable): Promise<EvaluationConfig> {
  const [latest] = await db
    .select({ config: evaluationRuleVersions.config })
    .from(evaluationRuleVersions)
    .orderBy(desc(evaluationRuleVersions.createdAt), desc(evaluationRuleVersions.id))
    .limit(1);
  return latest ? evaluationConfigSchema.parse(latest.config) : DEFAULT_EVALUATION_CONFIG;
}

/**
 * Saves a new version of the rules. Refused unless the caller may configure evaluations; a
 * config that fails evaluationConfigSchema is a validation error naming each field, e.g.
 * `rules.2.years`, and nothing is written.
 */
export async function saveEvaluationConfig(
  db: Db,
  caller: Caller,
  input: { config: unknown; note: string },
): Promise<{ id: string }> {
  authorize(caller.principal, 'evaluations.configure');
  const parsed = evaluationConfigSchema.safeParse(input.config);
  if (!parsed.success)
    throw new AppError(
      'validation',
      'Invalid evaluation rules',
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'form', message: i.message })),
    );
  const { actor } = caller;
  return withActor(db, actor, async (tx) => {
    // One version at a time, so "the latest" is well defined even for two saves in the same instant.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('evaluation_rule_versions'))`);
    const [row] = await tx
      .insert(evaluationRuleVersions)
      .values({
        config: parsed.data,
        note: input.note.trim().slice(0, 500),
        createdBy: actor.userId,
        createdByLabel: actor.label,
      })
      .returning({ id: evaluationRuleVersions.id });
    if (!row) throw new Error('evaluation rules not saved');
    return row;
  });
}
