/** The site path of a referral (Danish, canonical): stored in notifications and mailed. */
export const referralPath = (id: string) => `/henvisninger/${id}`;
