import type { Hono } from 'hono';
import { z } from 'zod';
import { clusterBySlug } from '../../../domain/catalogue/queries.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { clientIp } from '../../client-ip.ts';
import { type AppEnv, today } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { onPage } from '../routes.ts';
import { catalogueMessages } from './messages.ts';
import { ContactForm } from './views/contact-form.tsx';

const contactForm = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  email: z.string().trim().min(1, 'required').max(254, 'tooLong').pipe(z.email('email')),
  message: z.string().trim().min(1, 'required').max(5000, 'tooLong'),
});

/** A visitor's message to a cluster's contact person, by e-mail, rate limited per client. */
export function registerClusterContactPage(app: Hono<AppEnv>): void {
  onPage(app, 'POST', 'clusterContact', async (c) => {
    const deps = c.get('deps');
    const lang = c.get('lang');
    const t = catalogueMessages(lang);
    const cluster = await clusterBySlug(deps.db, c.req.param('slug') ?? '', today(c));
    if (!cluster) throw notFound('cluster');
    if (!cluster.contactEmail) throw new AppError('validation', t.contactUnavailable);
    const values = formFields(await c.req.parseBody());
    const parsed = contactForm.safeParse(values);
    if (!parsed.success) {
      const errors = toFieldErrors(
        parsed.error.issues,
        c.get('m'),
        {},
        {
          name: t.contactName,
          email: t.contactEmail,
          message: t.contactMessage,
        },
      );
      return renderPage(
        c,
        cluster.name,
        (ch) => (
          <>
            <h1>{cluster.name}</h1>
            <ContactForm
              lang={lang}
              m={ch.m}
              csrf={ch.csrfToken}
              slug={cluster.slug}
              hasEmail
              sent={false}
              values={values}
              errors={errors}
            />
          </>
        ),
        422,
      );
    }
    const wait = await deps.limiters.mail.consume(`contact|${clientIp(c)}`).then(
      () => 0,
      (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
    );
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new AppError('rate_limited', t.contactRateLimited(wait));
    }
    await deps.mailer.send({
      to: cluster.contactEmail,
      replyTo: parsed.data.email,
      subject: t.contactSubject(cluster.name),
      text: `${parsed.data.name} <${parsed.data.email}>:\n\n${parsed.data.message}`,
    });
    return c.redirect(`${pageHref('cluster', lang, { slug: cluster.slug }, { sendt: '1' })}#kontakt`, 303);
  });
}
