import {
  discardDraft,
  loadDraft,
  publishedProfile,
  publishProfile,
  saveDraft,
} from '../../../domain/catalogue/commands.ts';
import {
  type ClusterProfile,
  clusterProfileForm,
  profileToFields,
} from '../../../domain/catalogue/profile.ts';
import { evaluateQualification, type Qualification } from '../../../domain/catalogue/qualification.ts';
import { type CatalogueEntry, type ClusterDetail, clusterBySlug } from '../../../domain/catalogue/queries.ts';
import { THEMES } from '../../../domain/catalogue/themes.ts';
import { notFound } from '../../../domain/errors.ts';
import { authorize } from '../../../domain/policy/policy.ts';
import { MUNICIPALITIES, REGIONS } from '../../../domain/reference/geography.ts';
import { type AppContext, today } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { ClusterFacts, Description, QualificationTable } from '../../views/cluster-profile.tsx';
import {
  Alert,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { type CatalogueMessages, catalogueMessages } from './messages.ts';

export function qualificationOf(e: CatalogueEntry): Qualification {
  return evaluateQualification(e);
}

/** The cluster named in the path, and the signed-in user allowed to edit it. */
async function editableCluster(c: AppContext) {
  const cluster = await clusterBySlug(c.get('deps').db, c.req.param('slug') ?? '', today(c));
  if (!cluster) throw notFound('cluster');
  const user = authorize(c.get('user'), 'clusterProfile.edit', { organisationId: cluster.organisationId });
  return { cluster, actor: { userId: user.userId, label: user.email, requestId: c.get('requestId') } };
}

type Status = 'saved' | 'discarded' | 'published';

function Checkboxes(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.error && <span class="form-error-message">{p.error}</span>}
      <ul class="nobullet-list checkbox-columns no-max-width">
        {p.options.map((o) => {
          const id = `${p.name}-${o.value}`;
          return (
            <li class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={id}
                name={p.name}
                value={o.value}
                checked={p.checked.includes(o.value)}
              />
              <label for={id}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function Checkbox(p: { name: string; label: string; checked: boolean }) {
  return (
    <div class="form-group form-group-checkbox">
      <input class="form-checkbox" type="checkbox" id={p.name} name={p.name} value="on" checked={p.checked} />
      <label for={p.name}>{p.label}</label>
    </div>
  );
}

function EditForm(p: {
  lang: Lang;
  t: CatalogueMessages;
  slug: string;
  csrf: string;
  v: Record<string, string | string[]>;
  e: FieldErrors;
}) {
  const { lang, t, v, e } = p;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const arr = (k: string) =>
    Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' && v[k] ? [v[k] as string] : [];
  const num = (k: string, label: string) => <TextField name={k} label={label} value={str(k)} error={e[k]} />;
  return (
    <form
      method="post"
      action={pageHref('clusterEdit', lang, { slug: p.slug })}
      novalidate
      class="profile-form"
    >
      <CsrfField token={p.csrf} />
      <h2>{t.sectionTexts}</h2>
      <TextAreaField
        name="summaryDa"
        label={t.summaryDa}
        value={str('summaryDa')}
        error={e.summaryDa}
        rows={2}
      />
      <TextAreaField
        name="summaryEn"
        label={t.summaryEn}
        value={str('summaryEn')}
        error={e.summaryEn}
        rows={2}
      />
      <TextAreaField
        name="descriptionDa"
        label={t.descriptionDa}
        value={str('descriptionDa')}
        hint={t.markdownHint}
        error={e.descriptionDa}
        rows={8}
      />
      <TextAreaField
        name="descriptionEn"
        label={t.descriptionEn}
        value={str('descriptionEn')}
        hint={t.markdownHint}
        error={e.descriptionEn}
        rows={8}
      />
      <Checkboxes
        name="themes"
        legend={t.themesLegend}
        options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
        checked={arr('themes')}
        error={e.themes}
      />
      <TextField
        name="strongholdIndustries"
        label={t.strongholds}
        hint={t.strongholdsHint}
        value={str('strongholdIndustries')}
        error={e.strongholdIndustries}
      />
      <h2>{t.sectionFacts}</h2>
      <Checkbox
        name="innovationPurpose"
        label={t.innovationPurposeLabel}
        checked={str('innovationPurpose') === 'on'}
      />
      {num('staffFte', t.staffFte)}
      {num('membersCount', t.membersCount)}
      {num('dedicatedCompanies', t.dedicatedCompanies)}
      {num('boardCompanies', t.boardCompanies)}
      {num('boardKnowledgeInstitutions', t.boardKnowledge)}
      {num('boardPublic', t.boardPublic)}
      <Checkbox
        name="labelInProcess"
        label={t.labelInProcessLabel}
        checked={str('labelInProcess') === 'on'}
      />
      <h2>{t.sectionPlaces}</h2>
      <SelectField
        name="seatMunicipality"
        label={t.seatMunicipality}
        value={str('seatMunicipality')}
        error={e.seatMunicipality}
        options={MUNICIPALITIES.map((m) => ({ value: String(m.code), label: m.name }))}
      />
      {REGIONS.map((r) => (
        <Checkboxes
          name="siteMunicipalities"
          legend={`${t.siteMunicipalitiesLegend}: ${lang === 'da' ? r.name : r.nameEn}`}
          options={MUNICIPALITIES.filter((m) => m.regionCode === r.code).map((m) => ({
            value: String(m.code),
            label: m.name,
          }))}
          checked={arr('siteMunicipalities')}
          error={r.code === REGIONS[0]?.code ? e.siteMunicipalities : undefined}
        />
      ))}
      <h2>{t.sectionContact}</h2>
      <TextField
        name="website"
        label={t.website}
        hint={t.websiteHint}
        value={str('website')}
        error={e.website}
      />
      <TextField
        name="contactName"
        label={t.contactPerson}
        value={str('contactName')}
        error={e.contactName}
      />
      <TextField
        name="contactEmail"
        type="email"
        label={t.contactPersonEmail}
        value={str('contactEmail')}
        error={e.contactEmail}
      />
      <TextField
        name="contactPhone"
        label={t.contactPhone}
        value={str('contactPhone')}
        error={e.contactPhone}
      />
      <div class="form-actions">
        <button type="submit" name="action" value="publish" class="button button-primary">
          {t.publish}
        </button>
        <button type="submit" name="action" value="preview" class="button button-secondary">
          {t.preview}
        </button>
        <button type="submit" name="action" value="save" class="button button-secondary">
          {t.saveDraft}
        </button>
        <button type="submit" name="action" value="discard" class="button button-tertiary">
          {t.discard}
        </button>
      </div>
    </form>
  );
}

async function editPage(
  c: AppContext,
  cluster: ClusterDetail,
  opts: { values?: Record<string, string | string[]>; errors?: FieldErrors; status?: 200 | 422 } = {},
) {
  const lang = c.get('lang');
  const t = catalogueMessages(lang);
  const draft = await loadDraft(c.get('deps').db, cluster.organisationId);
  const values = opts.values ?? profileToFields(draft?.profile ?? publishedProfile(cluster));
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
        <EditForm
          lang={lang}
          t={t}
          slug={cluster.slug}
          csrf={ch.csrfToken}
          v={values}
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

async function save(c: AppContext) {
  const { cluster, actor } = await editableCluster(c);
  const deps = c.get('deps');
  const lang = c.get('lang');
  const body = await c.req.parseBody({ all: true });
  const action = body.action;
  const go = (status: Status) =>
    c.redirect(pageHref('clusterEdit', lang, { slug: cluster.slug }, { status }), 303);
  if (action === 'discard') {
    await discardDraft(deps.db, actor, cluster.organisationId);
    return go('discarded');
  }
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const parsed = clusterProfileForm.safeParse(values);
  if (!parsed.success) {
    const t = catalogueMessages(lang);
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors);
    return editPage(c, cluster, { values, errors, status: 422 });
  }
  const profile: ClusterProfile = parsed.data;
  if (action === 'publish') {
    await publishProfile(deps.db, actor, cluster.organisationId, profile, deps.clock());
    return go('published');
  }
  await saveDraft(deps.db, actor, cluster.organisationId, profile, deps.clock());
  if (action === 'preview') return c.redirect(pageHref('clusterPreview', lang, { slug: cluster.slug }), 303);
  return go('saved');
}

async function preview(c: AppContext) {
  const { cluster } = await editableCluster(c);
  const lang = c.get('lang');
  const t = catalogueMessages(lang);
  const draft = await loadDraft(c.get('deps').db, cluster.organisationId);
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
  const shown: ClusterDetail = {
    ...cluster,
    ...p,
    seatCode: p.seatMunicipality,
    siteMunicipalities: p.siteMunicipalities,
  };
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
      <QualificationTable q={qualificationOf(shown)} t={t} lang={lang} />
    </>
  ));
}

export const clusterEditRoutes = {
  edit: async (c: AppContext) => editPage(c, (await editableCluster(c)).cluster),
  save,
  preview,
};
