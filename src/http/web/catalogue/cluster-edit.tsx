import type { Hono } from 'hono';
import { discardDraft, publishProfile, saveDraft } from '../../../domain/catalogue/commands.ts';
import {
  type ClusterProfile,
  clusterProfileForm,
  profileToFields,
  withProfile,
} from '../../../domain/catalogue/profile.ts';
import { evaluateQualification } from '../../../domain/catalogue/qualification.ts';
import { type ClusterForEditing, clusterForEditing } from '../../../domain/catalogue/queries.ts';
import { callerOf } from '../../caller.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type CatalogueMessages, catalogueMessages } from './messages.ts';
import { ClusterFacts, Description, QualificationTable } from './views/cluster-profile.tsx';
import { ProfileForm } from './views/profile-form.tsx';

type Status = 'saved' | 'discarded' | 'published';

/** The cluster in the path, for a signed-in caller who may edit it (404, then 403). */
const editing = (c: AppContext) =>
  clusterForEditing(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '', today(c));

function editPage(
  c: AppContext,
  { cluster, draft, profile }: ClusterForEditing,
  opts: { values?: Record<string, string | string[]>; errors?: FieldErrors; status?: 200 | 422 } = {},
) {
  const lang = c.get('lang');
  const t = catalogueMessages(lang);
  const status = c.req.query('status') as Status | undefined;
  const notices: Record<Status, string> = {
    saved: t.draftSaved,
    discarded: t.draftDiscarded,
    published: t.published,
  };
  return renderPage(
    c,
    t.editTitle(cluster.name),
    (ch) => (
      <>
        <h1>{t.editTitle(cluster.name)}</h1>
        <p>{t.editIntro}</p>
        {status && notices[status] && <Alert variant="success">{notices[status]}</Alert>}
        {draft && !opts.values && (
          <Alert variant="info">{t.draftExists(formatDateTime(draft.updatedAt, lang))}</Alert>
        )}
        <ErrorSummary m={ch.m} errors={opts.errors ?? {}} />
        <ProfileForm
          lang={lang}
          t={t}
          slug={cluster.slug}
          csrf={ch.csrfToken}
          v={opts.values ?? profileToFields(profile)}
          e={opts.errors ?? {}}
        />
        <p>
          <a href={pageHref('cluster', lang, { slug: cluster.slug })}>{t.viewProfile}</a>
        </p>
      </>
    ),
    opts.status ?? 200,
  );
}

/** The form's fields as typed: text fields as strings, checkbox groups as lists. */
async function typedValues(c: AppContext) {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return values;
}

/** The profile form's fields by name, for errors naming them. */
function profileLabels(t: CatalogueMessages) {
  return {
    summaryDa: t.summaryDa,
    summaryEn: t.summaryEn,
    descriptionDa: t.descriptionDa,
    descriptionEn: t.descriptionEn,
    strongholdIndustries: t.strongholds,
    seatMunicipality: t.seatMunicipality,
    website: t.website,
    contactName: t.contactPerson,
    contactEmail: t.contactPersonEmail,
    contactPhone: t.contactPhone,
    staffFte: t.staffFte,
    membersCount: t.membersCount,
    dedicatedCompanies: t.dedicatedCompanies,
    boardCompanies: t.boardCompanies,
    boardKnowledgeInstitutions: t.boardKnowledge,
    boardPublic: t.boardPublic,
  };
}

async function save(c: AppContext) {
  const found = await editing(c);
  const { cluster } = found;
  const caller = callerOf(c);
  const deps = c.get('deps');
  const lang = c.get('lang');
  const values = await typedValues(c);
  const go = (status: Status) =>
    c.redirect(pageHref('clusterEdit', lang, { slug: cluster.slug }, { status }), 303);
  if (values.action === 'discard') {
    await discardDraft(deps.db, caller, cluster.organisationId);
    return go('discarded');
  }
  const parsed = clusterProfileForm.safeParse(values);
  if (!parsed.success) {
    const t = catalogueMessages(lang);
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors, profileLabels(t));
    return editPage(c, found, { values, errors, status: 422 });
  }
  const profile: ClusterProfile = parsed.data;
  if (values.action === 'publish') {
    await publishProfile(deps.db, caller, cluster.organisationId, profile, deps.clock());
    return go('published');
  }
  await saveDraft(deps.db, caller, cluster.organisationId, profile, deps.clock());
  if (values.action === 'preview')
    return c.redirect(pageHref('clusterPreview', lang, { slug: cluster.slug }), 303);
  return go('saved');
}

async function preview(c: AppContext) {
  const { cluster, draft } = await editing(c);
  const lang = c.get('lang');
  const t = catalogueMessages(lang);
  const editHref = pageHref('clusterEdit', lang, { slug: cluster.slug });
  if (!draft) {
    return renderPage(c, t.previewTitle(cluster.name), () => (
      <>
        <h1>{t.previewTitle(cluster.name)}</h1>
        <p>{t.previewNoDraft}</p>
        <a href={editHref}>{t.backToEdit}</a>
      </>
    ));
  }
  const p = draft.profile;
  const shown = withProfile(cluster, p);
  return renderPage(c, t.previewTitle(cluster.name), () => (
    <>
      <Alert variant="warning">{t.previewBanner}</Alert>
      <p>
        <a href={editHref}>{t.backToEdit}</a>
      </p>
      <h1>{cluster.name}</h1>
      <p class="font-lead">{lang === 'da' ? p.summaryDa : p.summaryEn || p.summaryDa}</p>
      <div class="row">
        <div class="col-12 col-lg-7">
          <Description text={lang === 'da' ? p.descriptionDa : p.descriptionEn || p.descriptionDa} />
        </div>
        <div class="col-12 col-lg-5">
          <ClusterFacts c={shown} t={t} lang={lang} />
        </div>
      </div>
      <h2>{t.qualificationHeading}</h2>
      <QualificationTable q={evaluateQualification(shown)} t={t} lang={lang} />
    </>
  ));
}

/** Editing a cluster's profile: the form, saving or publishing it, and the draft preview. */
export function registerProfileEditingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusterEdit', async (c) => editPage(c, await editing(c)));
  onPage(app, 'POST', 'clusterEdit', save);
  onPage(app, 'GET', 'clusterPreview', preview);
}
