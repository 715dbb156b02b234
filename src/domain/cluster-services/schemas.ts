import { z } from 'zod';

export const SERVICE_AUDIENCES = [
  'all_companies',
  'startups',
  'smes',
  'large_companies',
  'knowledge_institutions',
] as const;
export type ServiceAudience = (typeof SERVICE_AUDIENCES)[number];
export const SERVICE_PRICES = ['free', 'paid'] as const;
export type ServicePrice = (typeof SERVICE_PRICES)[number];

/**
 * A service as its form sends it. Messages are keys the page translates
 * (src/http/web/cluster-services/messages.ts).
 */
const text = (max: number) => z.string().trim().max(max, 'tooLong');
export const clusterServiceInput = z
  .object({
    titleDa: text(150).min(3, 'tooShort'),
    titleEn: text(150).default(''),
    descriptionDa: text(3000).min(20, 'tooShort'),
    descriptionEn: text(3000).default(''),
    targetGroup: z.enum(SERVICE_AUDIENCES, 'targetGroup'),
    priceKind: z.enum(SERVICE_PRICES, 'priceKind'),
    priceText: text(200).default(''),
    contactName: text(200).min(2, 'tooShort'),
    contactEmail: text(254).pipe(z.email('email')),
    url: text(500)
      .default('')
      .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'url' })]))
      .transform((v) => (v === '' ? null : v)),
  })
  // A paid service says what it costs; a free one has no price text to contradict it.
  .refine((v) => v.priceKind === 'free' || v.priceText !== '', {
    path: ['priceText'],
    message: 'priceText',
  })
  .transform((v) => ({ ...v, priceText: v.priceKind === 'free' ? '' : v.priceText }));
export type ClusterServiceInput = z.infer<typeof clusterServiceInput>;
