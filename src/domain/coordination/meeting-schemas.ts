import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
/** An optional reference from a form: an empty choice is none. */
const optionalId = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid(message).nullable());

/** A new coordination meeting as a funder convenes it; form fields arrive as strings. */
export const meetingInput = z.object({
  /** The funder organisation convening; by default the caller's first funder organisation. */
  funderId: z.uuid('funder').optional(),
  title: text(200).min(3, 'tooShort'),
  kind: z.enum(['before_call', 'follow_up'], { message: 'kind' }),
  heldOn: z.iso.date('date'),
  /** The other funders taking part; the convener always does. */
  participantIds: z.array(z.uuid('participants')).default([]),
  /** One agenda item per line; blank lines are dropped. */
  agenda: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '')
        : v,
    z.array(z.string().max(300, 'tooLong')).min(1, 'agenda').max(30, 'agenda'),
  ),
  callId: optionalId('call'),
  fundingPlanId: optionalId('fundingPlan'),
});
export type MeetingInput = z.infer<typeof meetingInput>;

/** The minutes, in Markdown. */
export const minutesInput = z.object({ minutes: text(20_000).min(10, 'tooShort') });

/** A decision taken at the meeting, with who follows it up and by when. */
export const decisionInput = z.object({
  text: text(2000).min(5, 'tooShort'),
  responsibleFunderId: z.uuid('responsible'),
  dueOn: z.iso.date('date'),
  callId: optionalId('call'),
  clusterId: optionalId('cluster'),
});
