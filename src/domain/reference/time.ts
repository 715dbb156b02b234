/** The calendar date (YYYY-MM-DD) of a moment in Danish time, the day people in Denmark see. */
export function copenhagenDate(moment: Date): string {
  // The Swedish locale formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(moment);
}
