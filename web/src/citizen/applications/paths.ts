// Addresses of the online applications' pages.
export const startApplicationPath = (tenant: string, slug: string) => `/${tenant}/servizi/${slug}/domanda`;
export const applicationPagePath = (tenant: string, id: string) => `/${tenant}/domande/${id}`;
