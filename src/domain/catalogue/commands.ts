import { eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { clusterProfileDrafts, clusters, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorizeProfileEdit } from './policy.ts';
import type { ClusterProfile } from './profile.ts';

/**
 * Changes of a cluster's profile. Each command checks that the caller may edit the cluster
 * (its own staff, support staff, admins) before it writes, whichever page, API or CLI calls it.
 */

export async function saveDraft(
  db: Db,
  caller: Caller,
  organisationId: string,
  profile: ClusterProfile,
  now: Date,
): Promise<void> {
  authorizeProfileEdit(caller, organisationId);
  const updatedBy = caller.actor.userId;
  await withActor(db, caller.actor, (tx) =>
    tx
      .insert(clusterProfileDrafts)
      .values({ organisationId, profile, updatedBy, updatedAt: now })
      .onConflictDoUpdate({
        target: clusterProfileDrafts.organisationId,
        set: { profile, updatedBy, updatedAt: now },
      }),
  );
}

export async function discardDraft(db: Db, caller: Caller, organisationId: string): Promise<void> {
  authorizeProfileEdit(caller, organisationId);
  await withActor(db, caller.actor, (tx) =>
    tx.delete(clusterProfileDrafts).where(eq(clusterProfileDrafts.organisationId, organisationId)),
  );
}

/** Publishes a profile: the cluster row and the organisation's seat and website, and drops any draft. */
export async function publishProfile(
  db: Db,
  caller: Caller,
  organisationId: string,
  p: ClusterProfile,
  now: Date,
): Promise<void> {
  authorizeProfileEdit(caller, organisationId);
  await withActor(db, caller.actor, async (tx) => {
    await tx
      .update(clusters)
      .set({
        summaryDa: p.summaryDa,
        summaryEn: p.summaryEn,
        descriptionDa: p.descriptionDa,
        descriptionEn: p.descriptionEn,
        themes: p.themes,
        strongholdIndustries: p.strongholdIndustries,
        siteMunicipalities: p.siteMunicipalities,
        contactName: p.contactName,
        contactEmail: p.contactEmail,
        contactPhone: p.contactPhone,
        staffFte: p.staffFte,
        membersCount: p.membersCount,
        dedicatedCompanies: p.dedicatedCompanies,
        boardCompanies: p.boardCompanies,
        boardKnowledgeInstitutions: p.boardKnowledgeInstitutions,
        boardPublic: p.boardPublic,
        innovationPurpose: p.innovationPurpose,
        labelInProcess: p.labelInProcess,
        updatedAt: now,
      })
      .where(eq(clusters.organisationId, organisationId));
    await tx
      .update(organisations)
      .set({ municipalityCode: p.seatMunicipality, website: p.website, updatedAt: now })
      .where(eq(organisations.id, organisationId));
    await tx.delete(clusterProfileDrafts).where(eq(clusterProfileDrafts.organisationId, organisationId));
  });
}
