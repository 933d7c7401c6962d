// Types of scripts/modello-comuni.mjs for the TypeScript tests that import it.
export interface CriterionRow {
  code: string;
  title: string;
  pass: boolean;
  owned: boolean;
  why: string;
}
export const DEPLOYMENT_CRITERIA: Record<string, string>;
export function checkerSource(): string | undefined;
/** Whether the checker can run here: its sources, or a build of them in the cache. */
export function checkerAvailable(): boolean;
export function buildChecker(src: string): string;
export function runChecker(url: string, outDir?: string): Promise<{ rows: CriterionRow[]; report: string }>;
export function formatRows(rows: CriterionRow[]): string;
