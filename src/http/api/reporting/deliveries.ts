import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import { AppError, notFound } from '../../../domain/errors.ts';
import { jsonDeliveryFiles, jsonDeliverySchema } from '../../../domain/reporting/delivery/json.ts';
import type { DeliveryFile } from '../../../domain/reporting/delivery/load.ts';
import { type DeliveryLogRow, getDelivery, listDeliveries } from '../../../domain/reporting/delivery/log.ts';
import { submitDelivery } from '../../../domain/reporting/delivery/submit.ts';
import { type DeliveryError, errorMessage } from '../../../domain/reporting/format/errors.ts';
import { deliveryRights } from '../../../domain/reporting/policy.ts';
import type { AppContext } from '../../context.ts';
import { bodyLimitOf } from '../../middleware/body-limit.ts';
import { deliveryFile, isMultipart, withMultipartForm } from '../../multipart.ts';
import { pageHref } from '../../paths.ts';
import { ApiRateLimited, ApiStatusError, parseQuery, siteUrl } from '../request.ts';
import { iso, pageLinks, pagingShape } from './paging.ts';
import { tokenOf } from './token.ts';

/*
 * Deliveries through the API: the same all-or-nothing import as the CLI and the web upload
 * (channel 'api'), as files or JSON rows, and the delivery log. The token acts as its
 * organisation; which deliveries it may send and read is the domain's.
 */

/** As many errors as the delivery log keeps. */
const ANSWERED_ERRORS = 1_000;

const badRequest = (message: string, issues: { field: string; message: string }[] = []) =>
  new ApiStatusError(400, message, issues);

type ApiError = DeliveryError & { message: string; index?: number; pointer?: string };

function presentDelivery(c: AppContext, d: DeliveryLogRow) {
  return {
    id: d.id,
    status: d.status,
    channel: d.channel,
    submittedBy: d.actorLabel,
    organisationId: d.organisationId,
    startedAt: iso(d.startedAt),
    finishedAt: iso(d.finishedAt),
    files: d.files,
    counts: d.counts,
    errorCount: d.errorCount,
    activityRuleCount: d.activityRuleCount,
    links: {
      self: siteUrl(c, `/api/v1/deliveries/${d.id}`),
      html: siteUrl(c, pageHref('delivery', 'da', { id: d.id })),
    },
  };
}

const withMessage = (e: DeliveryError & { index?: number; pointer?: string }): ApiError => ({
  ...e,
  message: errorMessage(e.code, 'en'),
});

/**
 * Hands the files of a request to `use`: multipart form data (CSV or XLSX files, streamed to
 * temporary files that are removed when `use` settles) or JSON rows per table.
 */
async function withDeliveryFiles(
  c: AppContext,
  use: (files: DeliveryFile[], locate: (e: DeliveryError) => DeliveryError) => Promise<Response>,
): Promise<Response> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (isMultipart(type)) {
    return withMultipartForm(c.req.raw, { maxBytes: bodyLimitOf(c) }, async (form) => {
      const given = form.files.filter((f) => f.bytes > 0);
      if (given.length === 0) throw badRequest('No files: send the CSV or XLSX files as multipart parts');
      return use(given.map(deliveryFile), (e) => e);
    }).catch((error) => {
      if (error instanceof AppError && error.code === 'validation') throw badRequest(error.message);
      throw error;
    });
  }
  if (type.startsWith('application/json')) {
    const raw = await c.req.json().catch(() => {
      throw badRequest('The body is not valid JSON');
    });
    const parsed = jsonDeliverySchema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest(
        'The body is not a delivery: { clusters?, activities?, participants? }, each a list of rows',
        parsed.error.issues.map((i) => ({
          field: i.path.map(String).join('.') || 'body',
          message: i.message,
        })),
      );
    }
    const { files, locate } = jsonDeliveryFiles(parsed.data);
    return use(files, locate);
  }
  throw new ApiStatusError(415, 'Send multipart/form-data or application/json');
}

/** Counts a delivery against a limiter; 429 with Retry-After once `key` has used its deliveries. */
async function consumeDelivery(limiter: RateLimiterAbstract, key: string, who: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    const wait = Math.max(1, Math.ceil(((res as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000));
    throw new ApiRateLimited(
      wait,
      `${who} sent ${limiter.points} deliveries in the last minute; try again in ${wait} seconds`,
    );
  }
}

export async function postDelivery(c: AppContext) {
  const { client, caller: token } = await tokenOf(c);
  // A token that may not deliver is refused before the rate limit counts it (submitDelivery asks again).
  deliveryRights(token.principal);
  const deps = c.get('deps');
  // Counted per token, then per organisation (all its tokens), before the body is read: a
  // refused delivery costs next to nothing.
  await consumeDelivery(deps.limiters.apiDeliveries, client.tokenId, 'This token has');
  await consumeDelivery(
    deps.limiters.apiDeliveriesPerOrganisation,
    client.organisationId,
    "This token's organisation has",
  );
  return withDeliveryFiles(c, async (files, locate) => {
    const outcome = await submitDelivery(deps.database, token, {
      channel: 'api',
      files,
      now: deps.clock,
      onLoaded: deps.metrics.recordDeliveryLoaded,
    });
    const delivery = await getDelivery(deps.db, token, outcome.deliveryId);
    // A rejected delivery wrote nothing, so it breaks the activity rule nowhere: its list is empty.
    const data = { ...presentDelivery(c, delivery), activityRule: delivery.activityRule };
    c.header('Location', data.links.self);
    if (outcome.ok) return c.json({ data }, 201);
    const errors = outcome.errors.slice(0, ANSWERED_ERRORS).map((e) => withMessage(locate(e)));
    const foreign = outcome.errors.some((e) => e.code === 'notYourCluster');
    return c.json(
      {
        error: {
          code: foreign ? 'forbidden' : 'delivery_rejected',
          message: foreign
            ? 'The delivery has rows for a cluster organisation this token may not report for; nothing was written'
            : `The delivery was rejected with ${outcome.errorCount} errors; nothing was written`,
        },
        data: { ...data, errors },
      },
      foreign ? 403 : 422,
    );
  });
}

export async function getDeliveryRoute(c: AppContext) {
  const { caller: token } = await tokenOf(c);
  const d = await getDelivery(c.get('deps').db, token, c.req.param('id') ?? '').catch((err) => {
    // Another organisation's delivery is answered as missing: its id tells nothing.
    if (err instanceof AppError && err.code === 'forbidden') throw notFound('delivery');
    throw err;
  });
  return c.json({
    data: {
      ...presentDelivery(c, d),
      errors: d.errors.map((e) => withMessage(e)),
      activityRule: d.activityRule,
    },
  });
}

const deliveriesQuery = z.object(pagingShape);

export async function listDeliveriesRoute(c: AppContext) {
  const { caller: token } = await tokenOf(c);
  const { page, perPage } = parseQuery(c, deliveriesQuery);
  const { total, rows } = await listDeliveries(c.get('deps').db, token, {
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return c.json({
    data: rows.map((r) => presentDelivery(c, r)),
    meta: { total, page, perPage },
    links: pageLinks(c, page, perPage, total),
  });
}
