import type { AppContext } from '../context.ts';
import type { Lang } from '../paths.ts';
import { href } from '../paths.ts';
import { renderPage } from '../render.tsx';
import { ScrollingTable } from '../views/table.tsx';
import { searchMessages } from '../web/search/messages.ts';
import { apiDocument } from './index.ts';
import {
  type HttpMethod,
  type JsonSchema,
  type OpenApiOperation,
  type OpenApiParameter,
  operationsOf,
} from './openapi.ts';

/**
 * The readable API documentation at /api and /en/api, rendered from the OpenAPI document, so a
 * module's new endpoint appears here without touching this page.
 */
type Texts = ReturnType<typeof searchMessages>['apiDocs'];

const anchor = (operationId: string) => `op-${operationId}`;

/** Allowed values or the type of a parameter, in a few words. */
function values(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(', ');
  const parts = [schema.format ?? schema.type];
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number')
    parts.push(`${schema.minimum}-${schema.maximum}`);
  return parts.filter(Boolean).join(' ');
}

/** An example request: path parameters and the first query parameter filled with their examples. */
function exampleUrl(path: string, op: OpenApiOperation): string {
  let url = `/api${path}`;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.example === undefined) continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
    else if (p.required || query.size === 0) query.set(p.name, String(p.example));
  }
  return query.size ? `${url}?${query}` : url;
}

function Parameters({
  params,
  operationId,
  lang,
  t,
}: {
  params: OpenApiParameter[];
  operationId: string;
  lang: Lang;
  t: Texts;
}) {
  if (params.length === 0) return <p>{t.noParameters}</p>;
  return (
    <ScrollingTable label={`${t.parameters}: ${operationId}`}>
      <table class="table table--compact">
        <caption class="sr-only">{t.parameters}</caption>
        <thead>
          <tr>
            <th scope="col">{t.parameter}</th>
            <th scope="col">{t.in}</th>
            <th scope="col">{t.description}</th>
            <th scope="col">{t.values}</th>
          </tr>
        </thead>
        <tbody>
          {params.map((p) => (
            <tr>
              <td>
                <code>{p.name}</code>
                {p.required && <> ({t.required})</>}
              </td>
              <td>{p.in === 'path' ? t.inPath : t.inQuery}</td>
              <td>
                {(lang === 'da'
                  ? (t.parameterTexts[`${operationId}.${p.name}`] ?? t.parameterTexts[p.name])
                  : undefined) ??
                  p.description ??
                  ''}
              </td>
              <td>{values(p.schema)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** A command line that calls an operation needing a token. */
function tokenExample(method: HttpMethod, path: string, op: OpenApiOperation): string {
  const auth = 'curl -H "Authorization: Bearer $KLYNGE_TOKEN"';
  if (method === 'post')
    return `${auth} -F files=@activities.csv -F files=@participants.csv ${'$SITE'}/api${path}`;
  return `${auth} "${'$SITE'}${exampleUrl(path, op)}"`;
}

function Operation(p: { method: HttpMethod; path: string; op: OpenApiOperation; lang: Lang; t: Texts }) {
  const { method, path, op, lang, t } = p;
  const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1];
  const content = (success as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const types = Object.keys(content).length ? Object.keys(content).join(', ') : 'application/json';
  const secured = (op.security?.length ?? 0) > 0;
  const example = exampleUrl(path, op);
  return (
    <section aria-labelledby={anchor(op.operationId)} class="mt-8">
      <h2 id={anchor(op.operationId)} class="h3">
        <code>
          {method.toUpperCase()} /api{path}
        </code>
      </h2>
      <p>{(lang === 'da' ? t.operations[op.operationId] : undefined) ?? op.description ?? op.summary}</p>
      {secured && <p>{t.needsToken}</p>}
      <h3 class="h5">{t.parameters}</h3>
      <Parameters params={op.parameters} operationId={op.operationId} lang={lang} t={t} />
      <h3 class="h5">{t.example}</h3>
      {secured ? (
        <pre class="api-example">
          <code>{tokenExample(method, path, op)}</code>
        </pre>
      ) : (
        <p>
          <a href={example}>
            <code>{example}</code>
          </a>
        </p>
      )}
      <p>{t.format(types)}</p>
    </section>
  );
}

export function apiDocsPage(c: AppContext): Promise<Response> {
  const lang = c.get('lang');
  const t = searchMessages(lang).apiDocs;
  const document = apiDocument(c.get('deps').config.publicUrl);
  const operations = operationsOf(document.paths);
  const openApi = { path: '/openapi.json', operationId: 'openApi' };
  return renderPage(c, t.title, (chrome) => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>{t.intro}</p>
      <p>
        <a href="/api/openapi.json">{t.openApi}</a> (<code>/api/openapi.json</code>)
      </p>
      <h2 class="h4">{t.tokenHeading}</h2>
      <p>
        {t.tokenIntro}{' '}
        {/* The link for those who keep their organisation's tokens (the navigation knows), and for
            visitors, whom it takes to log in; not for the signed-in who would meet a refusal. */}
        {!chrome.user || chrome.navigation.some((g) => g.sections.some((s) => s.page === 'apiTokens')) ? (
          <a href={href('apiTokens', lang)}>{t.tokenLink}</a>
        ) : (
          t.tokenWho
        )}
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents" class="h4">
          {t.contents}
        </h2>
        <ul>
          {operations.map(({ method, path, op }) => (
            <li>
              <a href={`#${anchor(op.operationId)}`}>
                <code>
                  {method.toUpperCase()} /api{path}
                </code>
              </a>{' '}
              – {(lang === 'da' ? t.operations[op.operationId] : undefined) ?? op.summary}
            </li>
          ))}
          <li>
            <a href="/api/openapi.json">
              <code>GET /api{openApi.path}</code>
            </a>{' '}
            – {t.operations[openApi.operationId]}
          </li>
        </ul>
      </nav>
      {operations.map(({ method, path, op }) => (
        <Operation method={method} path={path} op={op} lang={lang} t={t} />
      ))}
    </>
  ));
}
