import { eq } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { clusterProfileDrafts, clusters, organisations } from '../../db/schema/index.ts';
import { type ClusterProfile, storedProfile } from './profile.ts';
import type { ClusterDetail } from './queries.ts';

/** The published profile of a cluster, in the shape the edit form and drafts use. */
export function publishedProfile(c: ClusterDetail): ClusterProfile {
  return {
    summaryDa: c.summaryDa,
    summaryEn: c.summaryEn,
    descriptionDa: c.descriptionDa,
    descriptionEn: c.descriptionEn,
    themes: storedProfile.shape.themes.parse(c.themes),
    strongholdIndustries: c.strongholdIndustries,
    seatMunicipality: c.seatCode ?? 0,
    siteMunicipalities: c.siteMunicipalities,
    website: c.website,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    staffFte: c.staffFte,
    membersCount: c.membersCount,
    dedicatedCompanies: c.dedicatedCompanies,
    boardCompanies: c.boardCompanies,
    boardKnowledgeInstitutions: c.boardKnowledgeInstitutions,
    boardPublic: c.boardPublic,
    innovationPurpose: c.innovationPurpose,
    labelInProcess: c.labelInProcess,
  };
}

export async function loadDraft(db: Queryable, organisationId: string) {
  const [row] = await db
    .select()
    .from(clusterProfileDrafts)
    .where(eq(clusterProfileDrafts.organisationId, organisationId));
  if (!row) return null;
  const parsed = storedProfile.safeParse(row.profile);
  // A draft that no longer passes the rules is dropped from view rather than published by accident.
  return parsed.success ? { profile: parsed.data, updatedAt: row.updatedAt } : null;
}

export async function saveDraft(
  db: Db,
  actor: Actor,
  organisationId: string,
  profile: ClusterProfile,
  now: Date,
) {
  await withActor(db, actor, (tx) =>
    tx
      .insert(clusterProfileDrafts)
      .values({ organisationId, profile, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: clusterProfileDrafts.organisationId,
        set: { profile, updatedBy: actor.userId, updatedAt: now },
      }),
  );
}

export async function discardDraft(db: Db, actor: Actor, organisationId: string) {
  await withActor(db, actor, (tx) =>
    tx.delete(clusterProfileDrafts).where(eq(clusterProfileDrafts.organisationId, organisationId)),
  );
}

/** Publishes a profile: the cluster row and the organisation's seat and website, and drops any draft. */
export async function publishProfile(
  db: Db,
  actor: Actor,
  organisationId: string,
  p: ClusterProfile,
  now: Date,
) {
  await withActor(db, actor, async (tx) => {
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
