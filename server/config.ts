// Configuration is read once at boot from the environment and validated; a bad value stops the
// server with a readable list instead of surfacing later as an odd runtime error.
import path from 'node:path';
import { DEFAULT_S3_TIMEOUT_MS, type S3Settings } from './platform/files/s3-storage.ts';

export type Mode = 'demo' | 'production' | 'test';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** DATABASE_PREPARED_STATEMENTS=off for a pooler that cannot carry named prepared statements. */
  preparedStatements: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Secret used to derive CSRF tokens; random per process when not given (sessions then end at restart). */
  sessionSecret: string | undefined;
  holdMinutes: number;
  /** An officer's session ends after this many minutes without requests (OPERATOR_IDLE_MINUTES). */
  operatorIdleMinutes: number;
  /** How long a computed availability may be served again (0 disables the cache). */
  readCacheMs: number;
  roles: Set<'web' | 'worker' | 'scheduler'>;
  /** Where uploaded documents are kept (the local-disk storage). */
  filesDir: string;
  /** Largest document accepted in a video room, in bytes. */
  uploadMaxBytes: number;
  /** What the documents of one room, and of one appointment, may add up to (UPLOAD_*_QUOTA_MB, UPLOAD_ROOM_MAX_FILES). */
  uploadQuota: { roomBytes: number; bookingBytes: number; roomFiles: number };
  /**
   * Which proxies' X-Forwarded-For to believe (TRUST_PROXY): a hop count, addresses/CIDRs or presets
   * ("loopback", the default: a reverse proxy on the same host). Rate limits and the audit log's
   * addresses depend on it: a client must not choose its own address.
   */
  trustProxy: boolean | number | string;
  /** Client secrets at SPID/CIE gateways, by issuer (OIDC_CLIENT_SECRETS): sent to that issuer only. */
  oidcClientSecrets: Record<string, string>;
  /**
   * pagoPA subscription keys (PAGOPA_KEYS, JSON: {"80015010723/gpd": "…", "80015010723/receipts": "…"}):
   * the keys of each comune's GPD and receipts APIs, by its fiscal code; never in the database.
   */
  pagopaKeys: Record<string, string>;
  /** An S3-compatible object store for documents (FILES_S3_*); unset: the local disk (FILES_DIR). */
  s3: S3Settings | undefined;
  /** Demo mode: the clock starts at this instant and runs from there (DEMO_NOW). */
  demoNow: Date | undefined;
  /** Where /metrics is served (see server/platform/http/metrics.ts). */
  metrics: {
    /** A listener of its own for /metrics (METRICS_PORT), on any role; undefined: none. */
    port: number | undefined;
    /** Its address (METRICS_HOST): loopback unless a scraper elsewhere must reach it. */
    host: string;
    /** A bearer token (METRICS_TOKEN, at least 128 bits) that opens /metrics on the main port. */
    token: string | undefined;
  };
  /** Requests per minute per client address, per node (RATE_LIMIT_*_PER_MIN). */
  rateLimits: RateLimits;
  /** Days after which background rows are purged (RETENTION_*_DAYS). */
  retention: { jobsDays: number; eventsDays: number; mailDays: number; draftDays: number };
  video: {
    stunUrls: string[];
    turnUrls: string[];
    /** coturn's static-auth-secret (use-auth-secret): TURN credentials are derived from it. */
    turnSecret: string | undefined;
    /** How long an officer's immediate room stays open. */
    immediateRoomMinutes: number;
  };
}

/**
 * Rate limits by kind of route, in requests per minute per client address. They are counted in each
 * process's memory: behind a load balancer with N web nodes a client may get up to N times these.
 */
export const RATE_LIMIT_DEFAULTS = {
  /** Public writes: holds, bookings, manage-link changes, queue tickets, video room writes, the personal area's writes. */
  publicWrites: 30,
  /** Public reads by link: queue pages and screens, video rooms. */
  publicReads: 120,
  /** The report form's map tiles (a map shows about 20 at a time). */
  mapTiles: 600,
  /** Reads of a booking through its manage link. */
  manageLinks: 60,
  /** Citizens' login and its callback (SPID/CIE). */
  citizenLogin: 30,
  /** Officers' login. */
  officerLogin: 20,
  /** An officer's own password and two-step verification. */
  officerAccount: 20,
  /** A citizen's "download my data". */
  dataExport: 10,
  /** Recomputing a comune's audit chain (admins). */
  auditVerify: 6,
} as const;

export type RateLimitName = keyof typeof RATE_LIMIT_DEFAULTS;
export type RateLimits = Record<RateLimitName, number>;

/** publicWrites → RATE_LIMIT_PUBLIC_WRITES_PER_MIN */
export const rateLimitEnvName = (name: RateLimitName) => `RATE_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_PER_MIN`;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configurazione non valida:\n - ${problems.join('\n - ')}`);
  }
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, problems: string[], min = 0, max = 65535): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const modeRaw = env.SPORTELLO_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'demo');
  if (!['demo', 'production', 'test'].includes(modeRaw)) {
    problems.push(`SPORTELLO_MODE must be demo, production or test (got "${modeRaw}")`);
  }
  const mode = (['demo', 'production', 'test'].includes(modeRaw) ? modeRaw : 'demo') as Mode;
  const port = int(env, 'PORT', 3000, problems);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const preparedRaw = (env.DATABASE_PREPARED_STATEMENTS || 'on').toLowerCase();
  if (!['on', 'off'].includes(preparedRaw)) problems.push('DATABASE_PREPARED_STATEMENTS must be on or off');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (mode === 'production' && u.protocol !== 'https:') problems.push('PUBLIC_URL must use https in production');
  } catch {
    problems.push(`PUBLIC_URL is not a URL (got "${publicUrl}")`);
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  if (mode === 'production') {
    if (!databaseUrl) problems.push('DATABASE_URL is required in production mode (the embedded database is for demo and development)');
    if (!smtpUrl) problems.push('SMTP_URL is required in production mode (the development mailbox is not served there)');
    if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) problems.push('SESSION_SECRET (at least 32 characters) is required in production mode');
  }
  const s3 = s3Settings(env, problems);
  // A public address with no mode chosen is a forgotten deployment: demo mode would serve the test
  // identity provider and the development mailbox to the world.
  if (!env.SPORTELLO_MODE && !env.NODE_ENV && env.PUBLIC_URL && !/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(env.PUBLIC_URL)) {
    problems.push('PUBLIC_URL is not a local address: set SPORTELLO_MODE=production (or demo, deliberately)');
  }
  const oidcClientSecrets = jsonObject(env, 'OIDC_CLIENT_SECRETS', problems);
  const pagopaKeys = jsonObject(env, 'PAGOPA_KEYS', problems);
  let demoNow: Date | undefined;
  if (env.DEMO_NOW) {
    demoNow = new Date(env.DEMO_NOW);
    if (Number.isNaN(demoNow.getTime())) problems.push(`DEMO_NOW must be an ISO 8601 instant, e.g. 2026-03-02T09:30:00+01:00 (got "${env.DEMO_NOW}")`);
    if (mode === 'production') problems.push('DEMO_NOW is for demonstrations: it is refused in production mode');
  }
  const rolesRaw = (env.SPORTELLO_ROLES || 'web,worker,scheduler').split(',').map((r) => r.trim());
  const roles = new Set<'web' | 'worker' | 'scheduler'>();
  for (const r of rolesRaw) {
    if (r === 'web' || r === 'worker' || r === 'scheduler') roles.add(r);
    else problems.push(`SPORTELLO_ROLES: unknown role "${r}" (web, worker, scheduler)`);
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  // A bearer token guessed is a window on the whole installation's traffic: 128 bits at least,
  // i.e. 32 hex characters (`openssl rand -hex 32` gives 256), in the characters a header carries.
  if (metricsToken && !/^[A-Za-z0-9._~+/=-]{32,}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be at least 32 characters of letters, digits and ._~+/=- (128 bits or more: openssl rand -hex 32)');
  }
  const metricsPort = env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, problems) : undefined;
  if (metricsPort !== undefined && metricsPort === port && metricsPort !== 0) problems.push('METRICS_PORT must differ from PORT');
  const rateLimits = Object.fromEntries(
    Object.entries(RATE_LIMIT_DEFAULTS).map(([name, fallback]) => [name, int(env, rateLimitEnvName(name as RateLimitName), fallback, problems, 1, 100_000)]),
  ) as RateLimits;
  const config: Config = {
    mode,
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl,
    preparedStatements: preparedRaw !== 'off',
    publicUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Sportello <noreply@sportello.localhost>',
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    sessionSecret: env.SESSION_SECRET || undefined,
    holdMinutes: int(env, 'HOLD_MINUTES', 10, problems, 1, 60),
    operatorIdleMinutes: int(env, 'OPERATOR_IDLE_MINUTES', 30, problems, 5, 600),
    readCacheMs: int(env, 'AVAILABILITY_CACHE_MS', 2000, problems, 0, 60000),
    roles,
    filesDir: path.resolve(env.FILES_DIR || path.join(env.DATA_DIR || 'data', 'files')),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 20, problems, 1, 500) * 1024 * 1024,
    uploadQuota: {
      roomBytes: int(env, 'UPLOAD_ROOM_QUOTA_MB', 100, problems, 1, 100_000) * 1024 * 1024,
      bookingBytes: int(env, 'UPLOAD_BOOKING_QUOTA_MB', 100, problems, 1, 100_000) * 1024 * 1024,
      roomFiles: int(env, 'UPLOAD_ROOM_MAX_FILES', 30, problems, 1, 10_000),
    },
    s3,
    trustProxy: trustProxy(env.TRUST_PROXY),
    oidcClientSecrets,
    pagopaKeys,
    demoNow,
    metrics: { port: metricsPort, host: env.METRICS_HOST || '127.0.0.1', token: metricsToken },
    rateLimits,
    retention: {
      jobsDays: int(env, 'RETENTION_JOBS_DAYS', 7, problems, 1, 3650),
      eventsDays: int(env, 'RETENTION_EVENTS_DAYS', 30, problems, 1, 3650),
      mailDays: int(env, 'RETENTION_MAIL_DAYS', 90, problems, 1, 3650),
      draftDays: int(env, 'RETENTION_DRAFT_DAYS', 90, problems, 1, 3650),
    },
    video: {
      // No STUN by default: nothing leaves for a third party unless the comune configures it.
      stunUrls: urlList(env, 'STUN_URLS', /^stuns?:/, problems),
      turnUrls: urlList(env, 'TURN_URLS', /^turns?:/, problems),
      turnSecret: env.TURN_SECRET || undefined,
      immediateRoomMinutes: int(env, 'VIDEO_IMMEDIATE_MINUTES', 60, problems, 5, 24 * 60),
    },
  };
  if (config.video.turnUrls.length && !config.video.turnSecret) problems.push('TURN_URLS needs TURN_SECRET (coturn static-auth-secret)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '') return 'loopback';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function jsonObject(env: NodeJS.ProcessEnv, key: string, problems: string[]): Record<string, string> {
  const raw = env[key];
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) return v as Record<string, string>;
  } catch {
    // reported below
  }
  problems.push(`${key} must be a JSON object of strings, e.g. {"https://gateway.example.it/oidc/op":"secret"}`);
  return {};
}

function s3Settings(env: NodeJS.ProcessEnv, problems: string[]): S3Settings | undefined {
  const endpoint = env.FILES_S3_ENDPOINT;
  if (!endpoint) return undefined;
  if (!/^https?:\/\//.test(endpoint)) problems.push('FILES_S3_ENDPOINT must be an http(s) URL');
  const missing = ['FILES_S3_BUCKET', 'FILES_S3_ACCESS_KEY', 'FILES_S3_SECRET_KEY'].filter((k) => !env[k]);
  if (missing.length) problems.push(`FILES_S3_ENDPOINT needs ${missing.join(', ')}`);
  // Sent as a header: a line break would end it; STS tokens are printable ASCII.
  if (env.FILES_S3_SESSION_TOKEN && !/^[\x21-\x7e]+$/.test(env.FILES_S3_SESSION_TOKEN)) problems.push('FILES_S3_SESSION_TOKEN must be printable ASCII without spaces');
  // Segments that cannot start with a dot: URLs would fold "." and ".." away and change the key.
  if (env.FILES_S3_PREFIX && !/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(env.FILES_S3_PREFIX)) {
    problems.push('FILES_S3_PREFIX must be segments of letters, digits, ".", "_" and "-" separated by "/" (e.g. bari/prod)');
  }
  return {
    endpoint,
    bucket: env.FILES_S3_BUCKET ?? '',
    region: env.FILES_S3_REGION || 'us-east-1',
    accessKey: env.FILES_S3_ACCESS_KEY ?? '',
    secretKey: env.FILES_S3_SECRET_KEY ?? '',
    pathStyle: env.FILES_S3_PATH_STYLE !== 'false',
    prefix: env.FILES_S3_PREFIX || undefined,
    sessionToken: env.FILES_S3_SESSION_TOKEN || undefined,
    timeoutMs: int(env, 'FILES_S3_TIMEOUT_MS', DEFAULT_S3_TIMEOUT_MS, problems, 100, 600_000),
  };
}

function urlList(env: NodeJS.ProcessEnv, key: string, schemes: RegExp, problems: string[]): string[] {
  // Comma- or space-separated, e.g. TURN_URLS="turn:turn.comune.it:3478?transport=udp turns:turn.comune.it:5349"
  const list = (env[key] ?? '').split(/[\s,]+/).filter(Boolean);
  for (const u of list) if (!schemes.test(u)) problems.push(`${key}: "${u}" must start with ${schemes.source.replace('^', '').replace('s?:', ':')}`);
  return list;
}
