// Types of scripts/build.mjs for the TypeScript that imports it (test/production-build.test.ts).
export type Part = 'server' | 'web';
export const ROOT: string;
export function buildState(part: Part): 'missing' | 'stale' | 'fresh';
export function buildToolsInstalled(): boolean;
export function buildServer(opts?: { outDir?: string }): void;
export function buildWeb(): Promise<void>;
export function precompress(dir: string): Promise<void>;
