import { z } from 'zod';
import { serviceForm, serviceLanguage, servicePayment, serviceTargetGroup } from '../../db/schema/support.ts';
import { danishNumber } from '../reference/danish.ts';
import { blankAsMissing } from '../search/schemas.ts';

export const TARGET_GROUPS = serviceTargetGroup.enumValues;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const SERVICE_FORMS = serviceForm.enumValues;
export type ServiceForm = (typeof SERVICE_FORMS)[number];
export const PAYMENTS = servicePayment.enumValues;
export type Payment = (typeof PAYMENTS)[number];
export const SERVICE_LANGUAGES = serviceLanguage.enumValues;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/**
 * A service as the form sends it (strings, a list for the target groups). Messages are keys the
 * pages translate (src/http/web/support/messages.ts).
 */
const text = (min: number, max: number) => z.string().trim().min(min, 'required').max(max, 'tooLong');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v]));

export const serviceInput = z
  .object({
    titleDa: text(3, 120),
    titleEn: text(3, 120),
    summaryDa: text(10, 300),
    summaryEn: text(10, 300),
    descriptionDa: z.string().trim().max(5000, 'tooLong').default(''),
    descriptionEn: z.string().trim().max(5000, 'tooLong').default(''),
    targetGroups: list.pipe(z.array(z.enum(TARGET_GROUPS, 'targetGroups')).min(1, 'targetGroups')),
    form: z.enum(SERVICE_FORMS, 'form'),
    payment: z.enum(PAYMENTS, 'payment'),
    price: danishNumber({ min: 1, max: 1_000_000 }).default(null),
    capacity: danishNumber({ min: 1, max: 10_000 }).default(null),
    language: z.enum(SERVICE_LANGUAGES, 'language'),
  })
  // A price goes with a payment, and only then; checked even when other fields fail.
  .refine((v) => v.payment === undefined || (v.payment === 'free') === (v.price === null), {
    path: ['price'],
    message: 'price',
    when: () => true,
  })
  .transform(({ price, ...v }) => ({ ...v, priceDkk: price }));
export type ServiceInput = z.infer<typeof serviceInput>;

/** The filters of the public list: a value that does not fit is ignored, so old links still work. */
export const serviceFilter = z.object({
  group: z.preprocess(blankAsMissing, z.enum(TARGET_GROUPS).optional()).catch(undefined),
  form: z.preprocess(blankAsMissing, z.enum(SERVICE_FORMS).optional()).catch(undefined),
  language: z.preprocess(blankAsMissing, z.enum(SERVICE_LANGUAGES).optional()).catch(undefined),
});
export type ServiceFilter = z.infer<typeof serviceFilter>;
