import type { MailMessage } from '../../mail/mailer.ts';
import type { FundingPlanInput } from './schemas.ts';

/** The e-mail that asks another funder's person to comment on a new funding plan. */
export function fundingPlanMail(
  to: string,
  lang: 'da' | 'en',
  funderName: string,
  plan: Pick<FundingPlanInput, 'title' | 'description' | 'budgetDkk' | 'decisionDate'>,
  url: string,
): MailMessage {
  const dkk = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB').format(plan.budgetDkk);
  if (lang === 'en')
    return {
      to,
      subject: `Funding plan for comment: ${plan.title}`,
      text: [
        `${funderName} has recorded a funding plan for clusters and asks the other funders for comments before it is decided.`,
        '',
        `Title: ${plan.title}`,
        `Planned budget: DKK ${dkk}`,
        `Decision date: ${plan.decisionDate} (comments are taken until the end of that day)`,
        '',
        plan.description,
        '',
        `Read and comment: ${url}`,
      ].join('\n'),
    };
  return {
    to,
    subject: `Finansieringsplan til høring: ${plan.title}`,
    text: [
      `${funderName} har registreret en finansieringsplan for klynger og beder de andre finansiører om kommentarer, før den besluttes.`,
      '',
      `Titel: ${plan.title}`,
      `Planlagt budget: ${dkk} kr.`,
      `Beslutningsdato: ${plan.decisionDate} (kommentarer modtages til og med den dag)`,
      '',
      plan.description,
      '',
      `Læs og kommentér: ${url}`,
    ].join('\n'),
  };
}
