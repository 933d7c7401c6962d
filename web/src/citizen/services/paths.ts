// Addresses of the service catalogue's pages.
export const servicesPath = (tenant: string, q?: string) => `/${tenant}/servizi${q ? `?q=${encodeURIComponent(q)}` : ''}`;
export const categoryPath = (tenant: string, category: string) => `/${tenant}/servizi/categoria/${category}`;
export const cardPagePath = (tenant: string, slug: string) => `/${tenant}/servizi/${slug}`;
