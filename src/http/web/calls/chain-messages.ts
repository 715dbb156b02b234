import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the joint decision chain on a call's processing page, Danish first. */
const da = {
  chain: 'Fælles beslutningsproces',
  chainLead: (decider: string) =>
    `Opslaget afgøres i trin: indstilling, godkendelse af hver finansiør, udvælgelse ved ${decider}, hver finansiørs fordeling af eget budget og til sidst bevillinger i registret.`,
  step: 'Trin',
  party: 'Part',
  doneBy: 'Udført af',
  doneAt: 'Tidspunkt',
  notYet: 'Endnu ikke',
  steps: {
    recommendation: 'Indstilling',
    sign_off: 'Godkendelse af indstillingen',
    selection: 'Udvælgelse',
    allocation: 'Fordeling afsluttet',
    grants: 'Bevillinger oprettet',
  } as Record<string, string>,
  recommended: 'Indstillede ansøgninger',
  recommend: 'Indstil',
  recommendAction: 'Send indstillingen til godkendelse',
  signOff: (funder: string) => `Godkend indstillingen for ${funder}`,
  finishAllocation: (funder: string) => `Afslut fordelingen for ${funder}`,
  createGrants: 'Opret bevillinger i registret',
};

const en: Widen<typeof da> = {
  chain: 'Joint decision process',
  chainLead: (decider: string) =>
    `The call is decided in steps: the recommendation, sign-off by each funder, selection by ${decider}, each funder's allocation of its own budget and finally grants in the register.`,
  step: 'Step',
  party: 'Party',
  doneBy: 'Done by',
  doneAt: 'When',
  notYet: 'Not yet',
  steps: {
    recommendation: 'Recommendation',
    sign_off: 'Sign-off of the recommendation',
    selection: 'Selection',
    allocation: 'Allocation finished',
    grants: 'Grants created',
  },
  recommended: 'Recommended applications',
  recommend: 'Recommend',
  recommendAction: 'Send the recommendation for sign-off',
  signOff: (funder: string) => `Sign off the recommendation for ${funder}`,
  finishAllocation: (funder: string) => `Finish the allocation for ${funder}`,
  createGrants: 'Create grants in the register',
};

export type ChainMessages = Widen<typeof da>;
export const chainMessages = (lang: Lang): ChainMessages => (lang === 'da' ? da : en);
