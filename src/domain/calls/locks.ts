import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { applications, calls } from '../../db/schema/index.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';

/** The rows a command locks before it changes them, and its refusal for a step taken at the wrong time. */

export const conflict = (message: string, issues: FieldIssue[] = []) =>
  new AppError('conflict', message, issues);

export async function lockCall(tx: Tx, callId: string) {
  const [call] = await tx
    .select({
      id: calls.id,
      ownerId: calls.ownerId,
      deciderId: calls.deciderId,
      status: calls.status,
      deadline: calls.deadline,
      opensAt: calls.opensAt,
    })
    .from(calls)
    .where(eq(calls.id, callId))
    .for('update');
  if (!call) throw notFound('call');
  return call;
}

export async function lockApplication(tx: Tx, applicationId: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
  if (!row) throw notFound('application');
  return row;
}
