// Officers' passwords: argon2id with OWASP's recommended minimums (19 MiB, 2 iterations).
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

type VerifyListener = (hash: string) => void;
const verifyListeners = new Set<VerifyListener>();

/**
 * Calls `listener` with the hash of every verification from now on; returns the function that
 * stops it. Tests count them: every sign-in path verifies exactly one hash (the decoy's for an
 * unknown username), which is what keeps their answers equally long — a count, unlike a stopwatch,
 * does not flake on a busy machine.
 */
export function onPasswordVerify(listener: VerifyListener): () => void {
  verifyListeners.add(listener);
  return () => verifyListeners.delete(listener);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  for (const listener of verifyListeners) listener(hash);
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so timing does not reveal accounts. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-that-never-matches');
  return decoy;
}
