import type { ErrorHandler, NotFoundHandler } from 'hono';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { awaitsSecondFactor } from '../domain/policy/policy.ts';
import type { AppContext, AppEnv } from './context.ts';
import { messages } from './i18n/index.ts';
import { href, langOfPath } from './paths.ts';
import { renderPage } from './render.tsx';

/** The one table from domain error codes to HTTP status codes. */
export const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429> = {
  validation: 422,
  bad_request: 400,
  not_found: 404,
  unauthenticated: 401,
  second_factor: 403,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  csrf: 403,
};

const wantsJson = (c: AppContext) =>
  c.req.path.startsWith('/api/') || c.req.path === '/healthz' || c.req.path === '/readyz';

function ErrorBody({
  title,
  text,
  home,
  extra,
}: {
  title: string;
  text: string;
  home: string;
  extra?: string;
}) {
  return (
    <>
      <h1>{title}</h1>
      <p>
        {text}
        {extra && (
          <>
            {' '}
            <code>{extra}</code>
          </>
        )}
      </p>
      <p>
        <a href={home}>{messages(langOfPath(home)).errors.backHome}</a>
      </p>
    </>
  );
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  if (wantsJson(c)) return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
  // Static files (/assets) are served before the language middleware runs.
  const m = c.get('m') ?? messages(langOfPath(c.req.path));
  return renderPage(
    c,
    m.errors.notFoundTitle,
    (ch) => (
      <ErrorBody title={m.errors.notFoundTitle} text={m.errors.notFoundText} home={href('home', ch.lang)} />
    ),
    404,
  );
};

/**
 * Input that got past the checks of a page and was refused further down: a schema that did not
 * fit (ZodError), or PostgreSQL refusing a value (SQLSTATE class 22, "data exception": invalid
 * text for a uuid or number, a NUL character, a value out of range). The request's mistake, not
 * the server's: a 400, logged without the query and its parameters (which hold the input).
 */
function refusedInput(err: unknown): AppError | null {
  if (err instanceof ZodError) return new AppError('bad_request', 'The request does not fit its schema');
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code))
      return new AppError('bad_request', `The database refused a value (SQLSTATE ${code})`);
  }
  return null;
}

export const errorHandler: ErrorHandler<AppEnv> = async (err, c) => {
  const log = c.get('log');
  const requestId = c.get('requestId');
  const refused = err instanceof AppError ? err : refusedInput(err);
  if (!refused) {
    log?.error({ err }, 'unhandled error');
    return serverError(c, requestId);
  }
  return refusal(c, refused);
};

async function refusal(c: AppContext, err: AppError): Promise<Response> {
  const status = STATUS[err.code];
  // A refusal is the client's mistake: no stack, no SQL, no parameters in the log.
  c.get('log')?.warn({ code: err.code, message: err.message }, 'request refused');
  if (wantsJson(c)) {
    return c.json({ error: { code: err.code, message: err.message, issues: err.issues } }, status);
  }
  const lang = c.get('lang') ?? langOfPath(c.req.path);
  const m = c.get('m') ?? messages(lang);
  // A page that asked the policy with `can` refuses as `forbidden`: for a privileged person
  // still to prove the second factor, that is where they go, as from `authorize`.
  const user = c.get('user');
  const code = err.code === 'forbidden' && user && awaitsSecondFactor(user) ? 'second_factor' : err.code;
  if (code === 'unauthenticated' || code === 'second_factor') {
    const next = new URL(c.req.url).pathname;
    return c.redirect(href(code === 'unauthenticated' ? 'login' : 'secondFactor', lang, { next }), 303);
  }
  const pages: Partial<Record<ErrorCode, [string, string]>> = {
    bad_request: [m.errors.badRequestTitle, m.errors.badRequestText],
    csrf: [m.errors.csrfTitle, m.errors.csrfText],
    not_found: [m.errors.notFoundTitle, m.errors.notFoundText],
    forbidden: [m.errors.forbiddenTitle, m.errors.forbiddenText],
    too_large: [m.errors.tooLargeTitle, m.errors.tooLargeText],
    rate_limited: [m.errors.rateLimitedTitle, err.message],
  };
  const [title, text] = pages[err.code] ?? [m.errors.serverTitle, err.message];
  return renderPage(
    c,
    title,
    (ch) => <ErrorBody title={title} text={text} home={href('home', ch.lang)} />,
    status === 401 ? 403 : status,
  );
}

async function serverError(c: AppContext, requestId: string | undefined): Promise<Response> {
  if (wantsJson(c)) return c.json({ error: { code: 'internal', message: 'Internal error', requestId } }, 500);
  const lang = langOfPath(c.req.path);
  const m = messages(lang);
  try {
    return await renderPage(
      c,
      m.errors.serverTitle,
      () => (
        <ErrorBody
          title={m.errors.serverTitle}
          text={m.errors.serverText}
          home={href('home', lang)}
          extra={requestId}
        />
      ),
      500,
    );
  } catch {
    // The page itself needs the database; when that is what failed, answer plainly.
    return c.text(`${m.errors.serverTitle}. ${m.errors.serverText} ${requestId ?? ''}`, 500);
  }
}
