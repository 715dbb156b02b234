import type { OrganisationMember } from '../../../../domain/accounts/administration.ts';
import type { OrganisationRow } from '../../../../domain/organisations/queries.ts';
import {
  CLUSTER_LEAGUES,
  FUNDER_LEVELS,
  ORGANISATION_KINDS,
  organisationForm,
} from '../../../../domain/organisations/schemas.ts';
import type { Role } from '../../../../domain/policy/policy.ts';
import { MUNICIPALITIES } from '../../../../domain/reference/geography.ts';
import { href, pageHref } from '../../../paths.ts';
import {
  type FieldErrors,
  RequiredFieldsNote,
  SelectField,
  schemaLabel,
  TextField,
} from '../../../views/forms.tsx';
import type { Chrome } from '../../../views/layout.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { OrganisationMessages } from '../messages.ts';

export interface View {
  ch: Chrome;
  t: OrganisationMessages;
}

const MUNICIPALITY_OPTIONS = [...MUNICIPALITIES]
  .sort((a, b) => a.name.localeCompare(b.name, 'da'))
  .map((m) => ({ value: String(m.code), label: m.name }));

/** The status of an organisation: active, or ended on a day and by whom it is carried on. */
export function statusText(t: OrganisationMessages, o: OrganisationRow): string {
  if (!o.endedOn) return t.active;
  return o.successorName ? `${t.endedOn(o.endedOn)}, ${t.successor(o.successorName)}` : t.endedOn(o.endedOn);
}

/** Shows the organisations of one kind (universities and GTS institutes, say) or all. */
export function KindFilter({ v, kind }: { v: View; kind: string | undefined }) {
  const { ch, t } = v;
  return (
    <form method="get" action={href('adminOrganisations', ch.lang)} aria-label={t.filterLabel}>
      {/* Its own id: the creation form below has a field named kind too. */}
      <div class="form-group">
        <label class="form-label" for="kind-filter">
          {t.kind}
        </label>
        <select class="form-select" id="kind-filter" name="kind">
          <option value="">{t.allKinds}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option value={k} selected={k === kind}>
              {ch.m.orgKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t.filter}
      </button>
    </form>
  );
}

export function OrganisationTable({ v, rows }: { v: View; rows: OrganisationRow[] }) {
  const { ch, t } = v;
  if (rows.length === 0) return <p>{t.noneOfKind}</p>;
  return (
    <table class="table table--zebra">
      <caption class="sr-only">{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.kind}</th>
          <th scope="col">{t.cvr}</th>
          <th scope="col">{t.municipality}</th>
          <th scope="col">{t.status}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr>
            <td>
              <a href={pageHref('adminOrganisation', ch.lang, { id: o.id })}>{o.name}</a>
            </td>
            <td>
              {ch.m.orgKinds[o.kind]}
              {o.funderLevel && ` (${t.funderLevels[o.funderLevel]})`}
              {o.league && ` (${t.leagues[o.league]})`}
            </td>
            <td>{o.cvr ?? ''}</td>
            <td>{o.municipalityName ?? ''}</td>
            <td>{statusText(t, o)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The fields of an organisation; on an existing one the kind is shown but fixed. */
export function OrganisationForm(p: {
  v: View;
  action: string;
  submit: string;
  values: Record<string, string>;
  errors: FieldErrors;
  kindFixed?: boolean;
}) {
  const { ch, t } = p.v;
  const { values: val, errors } = p;
  const label = (name: string, text: string) => schemaLabel(ch.m, organisationForm, name, text);
  return (
    <form method="post" action={p.action} novalidate>
      <RequiredFieldsNote m={ch.m} />
      <CsrfField token={ch.csrfToken} />
      <TextField
        name="name"
        label={label('name', t.name)}
        value={val.name}
        error={errors.name}
        autocomplete="off"
      />
      {p.kindFixed ? (
        <input type="hidden" name="kind" value={val.kind} />
      ) : (
        <SelectField
          name="kind"
          label={label('kind', t.kind)}
          placeholder={t.choose}
          value={val.kind}
          error={errors.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ch.m.orgKinds[k] }))}
        />
      )}
      <SelectField
        name="funderLevel"
        label={label('funderLevel', t.funderLevel)}
        hint={t.funderLevelHint}
        placeholder={t.choose}
        value={val.funderLevel}
        error={errors.funderLevel}
        options={FUNDER_LEVELS.map((l) => ({ value: l, label: t.funderLevels[l] }))}
      />
      <SelectField
        name="league"
        label={label('league', t.league)}
        hint={t.leagueHint}
        placeholder={t.choose}
        value={val.league}
        error={errors.league}
        options={CLUSTER_LEAGUES.map((l) => ({ value: l, label: t.leagues[l] }))}
      />
      <TextField name="cvr" label={label('cvr', t.cvr)} hint={t.cvrHint} value={val.cvr} error={errors.cvr} />
      <TextField
        name="address"
        label={label('address', t.address)}
        hint={t.addressHint}
        value={val.address}
        error={errors.address}
      />
      <SelectField
        name="municipalityCode"
        label={label('municipalityCode', t.municipality)}
        placeholder={t.choose}
        value={val.municipalityCode}
        error={errors.municipalityCode}
        options={MUNICIPALITY_OPTIONS}
      />
      <button type="submit" class="button button-primary">
        {p.submit}
      </button>
    </form>
  );
}

/** Ending an organisation: the day and, for a cluster, its successor. */
export function EndForm(p: {
  v: View;
  id: string;
  successors: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { ch, t } = p.v;
  return (
    <form method="post" action={pageHref('adminOrganisationEnd', ch.lang, { id: p.id })} novalidate>
      <CsrfField token={ch.csrfToken} />
      <TextField
        name="endedOn"
        type="date"
        label={t.endDate}
        hint={t.endDateHint}
        value={p.values.endedOn}
        error={p.errors.endedOn}
      />
      {p.successors.length > 0 && (
        <SelectField
          name="successorId"
          label={t.successorLabel}
          placeholder={t.noSuccessor}
          value={p.values.successorId}
          error={p.errors.successorId}
          options={p.successors.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      <button type="submit" class="button button-secondary">
        {t.end}
      </button>
    </form>
  );
}

export const backLink = (v: View) => href('adminOrganisations', v.ch.lang);

/** Where a member table posts: the administration's pages, or an organisation admin's own page. */
export interface MemberActions {
  role: string;
  remove: string;
}

/** One membership's role chooser: the roles the person may give, the current one first. */
function ChangeRoleForm({
  v,
  action,
  member,
  roles,
}: {
  v: View;
  action: string;
  member: OrganisationMember;
  roles: readonly Role[];
}) {
  const { ch, t } = v;
  const fieldId = `newRole-${member.userId}-${member.role}`;
  return (
    <form method="post" action={action} class="d-flex">
      <CsrfField token={ch.csrfToken} />
      <input type="hidden" name="userId" value={member.userId} />
      <input type="hidden" name="role" value={member.role} />
      <label class="sr-only" for={fieldId}>
        {t.newRoleFor(member.name, ch.m.roles[member.role])}
      </label>
      <select class="form-select" id={fieldId} name="newRole">
        {[member.role, ...roles.filter((r) => r !== member.role)].map((r) => (
          <option value={r} selected={r === member.role}>
            {ch.m.roles[r]}
          </option>
        ))}
      </select>
      <button type="submit" class="button button-secondary">
        {t.changeRole}
        <span class="sr-only">{` ${member.name}`}</span>
      </button>
    </form>
  );
}

/** The organisation's users with their roles; each role can be changed or taken away. */
export function MemberTable({
  v,
  actions,
  members,
  roles,
}: {
  v: View;
  actions: MemberActions;
  members: OrganisationMember[];
  /** The roles the person may give in the organisation. */
  roles: readonly Role[];
}) {
  const { ch, t } = v;
  if (members.length === 0) return <p>{t.noMembers}</p>;
  return (
    <table class="table table--zebra">
      <caption class="sr-only">{t.membersCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{ch.m.admin.userEmail}</th>
          <th scope="col">{ch.m.admin.role}</th>
          <th scope="col">
            <span class="sr-only">{t.remove}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((u) => (
          <tr>
            <td>{u.name}</td>
            <td>{u.email}</td>
            <td>
              <ChangeRoleForm v={v} action={actions.role} member={u} roles={roles} />
            </td>
            <td>
              <form method="post" action={actions.remove}>
                <CsrfField token={ch.csrfToken} />
                <input type="hidden" name="userId" value={u.userId} />
                <input type="hidden" name="role" value={u.role} />
                <button type="submit" class="button button-tertiary">
                  {t.remove}
                  <span class="sr-only">{t.removeRole(u.name, ch.m.roles[u.role])}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
