// Onboarding module: a new comune with its first administrator, and the import of its offices,
// services, desks and weekly hours from a file. No routes: the administration command line
// (server/cli.ts) is its only caller, on the same database and environment as the server.
export { CLI_ACTOR, checkNewComune, createComune, listComuni, type ComuneSummary, type CreatedComune } from './create-comune.ts';
export { REGIONS } from './domain/comune-fields.ts';
export { OnboardingError } from './errors.ts';
export { importCatalogue, type ImportReport } from './import-catalogue.ts';
export { loadCatalogue } from './load-catalogue.ts';
