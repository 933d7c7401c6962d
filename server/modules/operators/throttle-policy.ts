// How failed officer sign-ins slow down guessing without letting a stranger lock anyone out (pure).
//
// - Per username and client address ("pair"): a few typos are free; then that address waits before
//   trying that username again, 30 s doubling at each further failure, at most 15 minutes.
// - Per client address: the same, after more failures whatever the usernames (spraying one password
//   over many accounts; an office's router shares one address among its officers, hence the margin).
// - Per username across addresses ("account"): past a ceiling every attempt on it is answered late,
//   by up to a few seconds — never refused, so a correct login always gets through.
//
// Waits apply only to the address that failed: the officer elsewhere is never held up, and even at
// the address that waits, the right password with a valid second-factor code gets in (login.ts).
// Unknown usernames are counted exactly like known ones, so the answers reveal no account.

export const THROTTLE = {
  pairFree: 5,
  addressFree: 20,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  /** Counts are forgotten after this long without a failure. */
  windowMs: 60 * 60_000,
  accountCeiling: 50,
  accountStepMs: 100,
  accountMaxDelayMs: 3_000,
} as const;

export type ThrottleKind = 'pair' | 'address' | 'account';

/** How long an address waits after its `failures`-th failure, given how many are free (0: none). */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxWaitMs, THROTTLE.firstWaitMs * 2 ** Math.min(failures - free, 20));
}

/** The wait a kind of count imposes after `failures` failures (accounts are never blocked). */
export function blockAfter(kind: ThrottleKind, failures: number): number {
  if (kind === 'pair') return waitAfter(failures, THROTTLE.pairFree);
  if (kind === 'address') return waitAfter(failures, THROTTLE.addressFree);
  return 0;
}

/** The delay before answering an attempt on a username that failed `failures` times from anywhere. */
export function accountDelay(failures: number): number {
  if (failures < THROTTLE.accountCeiling) return 0;
  return Math.min(THROTTLE.accountMaxDelayMs, THROTTLE.accountStepMs * (failures - THROTTLE.accountCeiling + 1));
}

/**
 * The address an attempt is counted under: IPv4 as it is (also when mapped into IPv6), IPv6 by its
 * /64 — a single client usually holds a whole /64 and could otherwise change address at every try.
 */
export function addressKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** Seconds to tell the client (Retry-After), at least one. */
export const retryAfterSeconds = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
