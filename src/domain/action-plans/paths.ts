/** The site path (Danish, canonical) of a cluster's own plan page: stored in notifications. */
export const workspacePlanPath = (slug: string, year: number) =>
  `/arbejdsrum/handlingsplaner/${slug}/${year}`;
