/** The target sets, linked where the caller keeps them, and the form for a new set. */
import type { TargetSetsForManager } from '../../../../domain/targets/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ResultsMessages } from '../../performance/messages.ts';
import { SetForm } from './target-forms.tsx';

export function SetListView(p: {
  list: TargetSetsForManager;
  t: ResultsMessages;
  m: Messages;
  lang: Lang;
  csrf: string;
  created: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t, lang } = p;
  return (
    <>
      <h1>{t.manage.title}</h1>
      <p class="font-lead">{t.manage.lead}</p>
      {p.created && <Alert variant="success">{t.manage.created}</Alert>}
      <ErrorSummary m={p.m} errors={p.errors} />
      <ScrollingTable label={t.manage.sets}>
        <table class="table table--compact">
          <caption>{t.manage.sets}</caption>
          <thead>
            <tr>
              <th scope="col">{t.manage.sets}</th>
              <th scope="col">{t.manage.owner}</th>
              <th scope="col">{t.manage.period}</th>
            </tr>
          </thead>
          <tbody>
            {p.list.sets.map((s) => {
              const name = lang === 'da' ? s.nameDa : s.nameEn;
              return (
                <tr>
                  <th scope="row">
                    {s.manage ? <a href={pageHref('targetSet', lang, { id: s.id })}>{name}</a> : name}
                  </th>
                  <td>{s.funderName}</td>
                  <td>
                    {s.periodFrom}-{s.periodTo}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
      <h2>{t.manage.newSet}</h2>
      <SetForm t={t} lang={lang} csrf={p.csrf} funders={p.list.funders} values={p.values} errors={p.errors} />
    </>
  );
}
