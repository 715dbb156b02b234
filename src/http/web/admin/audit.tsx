import type { Hono } from 'hono';
import {
  type AuditEntry,
  type AuditFilter,
  auditFilter,
  readAuditLog,
} from '../../../domain/audit/queries.ts';
import type { DateParts } from '../../../domain/reference/danish.ts';
import { callerOf } from '../../caller.ts';
import type { AppEnv } from '../../context.ts';
import { formatDateTime, type Messages } from '../../i18n/index.ts';
import { href, type Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { withDateFields } from '../../validation.ts';
import { DateInput, datePartsOf, SelectField, TextField } from '../../views/forms.tsx';
import { Pager } from '../../views/pager.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';

interface View {
  m: Messages;
  lang: Lang;
  filter: AuditFilter;
  /** The date inputs as typed (a date that is no date is ignored by the filter, and kept here). */
  typed: { from: DateParts; to: DateParts };
}

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);

function FilterForm({ v, entities }: { v: View; entities: string[] }) {
  const { m, lang, filter } = v;
  return (
    <form method="get" action={href('adminAudit', lang)} class="audit-filter">
      <SelectField
        name="entity"
        label={m.admin.auditEntity}
        placeholder={m.admin.auditAll}
        value={filter.entity}
        options={entities.map((e) => ({ value: e, label: e }))}
      />
      <TextField name="actor" label={m.admin.auditActor} value={filter.actor} />
      <DateInput name="from" legend={m.admin.auditFrom} m={m} value={v.typed.from} />
      <DateInput name="to" legend={m.admin.auditTo} m={m} value={v.typed.to} />
      <button type="submit" class="button button-secondary">
        {m.admin.auditFilter}
      </button>
    </form>
  );
}

/** What a change did to each field: before struck out, after inserted. */
function Changes({ entry: e }: { entry: AuditEntry }) {
  return (
    <ul class="nobullet-list audit-changes">
      {e.changes.map((ch) => (
        <li>
          <code>{ch.field}</code>: {e.action === 'update' && <del>{show(ch.before)}</del>}{' '}
          {e.action === 'delete' ? <del>{show(ch.before)}</del> : <ins>{show(ch.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}

function EntryTable({ v, entries }: { v: View; entries: AuditEntry[] }) {
  const { m, lang } = v;
  return (
    <ScrollingTable label={m.admin.auditTitle}>
      <table class="table table--compact audit-table">
        <caption class="sr-only">{m.admin.auditTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.admin.auditAt}</th>
            <th scope="col">{m.admin.auditActor}</th>
            <th scope="col">{m.admin.auditEntity}</th>
            <th scope="col">{m.admin.auditAction}</th>
            <th scope="col">{m.admin.auditChanges}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{formatDateTime(e.at, lang)}</td>
              <td>{e.actorLabel}</td>
              <td>
                {e.entity}
                <br />
                <code>{e.entityId}</code>
              </td>
              <td>{m.admin.actions[e.action] ?? e.action}</td>
              <td>
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Pagination({ v, pages }: { v: View; pages: number }) {
  const { m, lang, filter } = v;
  return (
    <Pager
      page={filter.page}
      pages={pages}
      link={(page) =>
        href('adminAudit', lang, { ...filter, page: String(page) } as Record<string, string | undefined>)
      }
      status={m.admin.page(filter.page, pages)}
      previous={m.admin.previous}
      next={m.admin.next}
    />
  );
}

/** The audit log: every recorded change and sign-in, filtered by entity, actor and dates, paged. */
export function registerAuditLogPage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminAudit', async (c) => {
    const m = c.get('m');
    const query = c.req.query();
    const filter = auditFilter.parse(withDateFields(query));
    const typed = { from: datePartsOf(query, 'from'), to: datePartsOf(query, 'to') };
    const log = await readAuditLog(c.get('deps').db, callerOf(c), filter);
    return renderPage(c, m.admin.auditTitle, ({ lang }) => {
      const v: View = { m, lang, filter, typed };
      return (
        <>
          <h1>{m.admin.auditTitle}</h1>
          <p>{m.admin.auditIntro}</p>
          <FilterForm v={v} entities={log.entities} />
          <p role="status">{m.admin.auditCount(log.total)}</p>
          {log.entries.length === 0 ? (
            <p>{m.admin.auditEmpty}</p>
          ) : (
            <EntryTable v={v} entries={log.entries} />
          )}
          {log.pages > 1 && <Pagination v={v} pages={log.pages} />}
        </>
      );
    });
  });
}
