// Built once: an Intl formatter costs far more to construct than to use. Swedish writes YYYY-MM-DD.
const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** The calendar date (YYYY-MM-DD) of a moment in Danish time, the day people in Denmark see. */
export function copenhagenDate(moment: Date): string {
  return danishDay.format(moment);
}
