/** The Danish site path of an application's page, for notification links. */
export const applicationPath = (id: string) => `/ansoegninger/${id}`;
