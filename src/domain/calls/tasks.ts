/**
 * The applicant's task list (DKFDS "opgaveliste"): the application in sections, each with how far
 * it has come, worked out from what has been saved. Submitting is possible once every section
 * the call requires is done; attachments are optional unless the applicant has begun one.
 */

export const APPLICATION_SECTIONS = ['about', 'requirements', 'budget', 'attachments'] as const;
export type ApplicationSection = (typeof APPLICATION_SECTIONS)[number];
export type TaskStatus = 'notStarted' | 'inProgress' | 'done';

interface SavedApplication {
  title: string;
  answers: Record<string, string>;
  texts: Record<string, string>;
  budget: readonly { amountDkk: number }[];
}

interface CallRules {
  requirements: readonly { id: string }[];
  criteria: readonly { id: string }[];
}

/** Done when every one of `needed` is filled in, in progress when some are, not started when none. */
function progressOf(filled: readonly boolean[]): TaskStatus {
  const count = filled.filter(Boolean).length;
  if (count === 0) return 'notStarted';
  return count === filled.length ? 'done' : 'inProgress';
}

const given = (text: string | undefined) => (text ?? '').trim() !== '';

/** Each section's status; an application not yet saved has every section not started. */
export function sectionStatuses(
  rules: CallRules,
  app: SavedApplication | null,
  attachmentCount: number,
): Record<ApplicationSection, TaskStatus> {
  return {
    about: progressOf([given(app?.title), ...rules.criteria.map((k) => given(app?.texts[k.id]))]),
    requirements: progressOf(rules.requirements.map((r) => given(app?.answers[r.id]))),
    budget: (app?.budget ?? []).some((b) => b.amountDkk > 0) ? 'done' : 'notStarted',
    attachments: attachmentCount > 0 ? 'done' : 'notStarted',
  };
}

/** The sections that must be done before the application can be submitted: all but attachments. */
export function readyToSubmit(statuses: Record<ApplicationSection, TaskStatus>): boolean {
  return (['about', 'requirements', 'budget'] as const).every((s) => statuses[s] === 'done');
}

/**
 * The application's reference number, quoted on the receipt and the decision letter: the year it
 * was created and the first eight characters of its id, which are unique enough to find it by.
 */
export function applicationReference(app: { id: string; createdAt: Date }): string {
  return `ANS-${app.createdAt.getUTCFullYear()}-${app.id.slice(0, 8).toUpperCase()}`;
}
