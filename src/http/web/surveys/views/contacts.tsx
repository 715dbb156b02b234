import type { ContactList } from '../../../../domain/surveys/contacts.ts';
import type { ListIssue } from '../../../../domain/surveys/recipient-csv.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { FileField, IssueTable, type RecipientView } from './recipients.tsx';

export interface ContactsState {
  notice: string | null;
  issues: readonly ListIssue[];
  fileError?: string | undefined;
}

/** The contact e-mails a cluster supplies for its participating companies: why, how many, upload, delete. */
export function ContactsPage(p: {
  v: RecipientView;
  lists: ContactList[];
  state: ContactsState;
  csrfToken: string;
}) {
  const { t, lang } = p.v;
  const several = p.lists.length > 1;
  return (
    <>
      <h1>{t.contactsTitle}</h1>
      <p class="font-lead">{t.contactsIntro}</p>
      <p>{t.contactsPurpose}</p>
      {p.state.notice && <Alert variant="success">{p.state.notice}</Alert>}
      {p.state.issues.length > 0 && <IssueTable v={p.v} issues={p.state.issues} />}
      {p.lists.map((list) => (
        <section aria-labelledby={`cluster-${list.clusterId}`} class="workspace-cluster">
          <h2 id={`cluster-${list.clusterId}`}>{list.clusterName}</h2>
          <p>
            {list.contacts > 0 ? t.contactsCount(list.contacts) : t.contactsNone}{' '}
            {list.lastSuppliedAt && t.contactsSupplied(formatDateTime(list.lastSuppliedAt, lang))}
          </p>
          <h3>{t.contactsUploadHeading}</h3>
          <form method="post" action={href('companyContacts', lang)} enctype="multipart/form-data">
            <CsrfField token={p.csrfToken} />
            {several && <input type="hidden" name="cluster" value={list.clusterId} />}
            <FileField v={p.v} hint={t.contactsUploadHint} error={p.state.fileError} />
            <button type="submit" class="button button-primary">
              {t.contactsUpload}
            </button>
          </form>
          <p>
            <a href={href('companyContactsTemplate', lang)} download>
              {t.contactsTemplate}
            </a>
          </p>
          {list.contacts > 0 && (
            <>
              <h3>{t.contactsDeleteHeading}</h3>
              <form method="post" action={href('companyContactsDelete', lang)}>
                <CsrfField token={p.csrfToken} />
                <input type="hidden" name="cluster" value={list.clusterId} />
                <button type="submit" class="button button-secondary">
                  {t.contactsDelete}
                </button>
              </form>
            </>
          )}
        </section>
      ))}
    </>
  );
}
