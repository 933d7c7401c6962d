// Time-limited TURN credentials in coturn's "REST API" scheme (use-auth-secret): the username is
// "<expiry unix seconds>:<label>" and the password is base64(HMAC-SHA1(shared secret, username)).
// coturn checks both without calling us, and the credentials stop working at the expiry.
import { createHmac } from 'node:crypto';

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export function turnCredentials(secret: string, label: string, nowMs: number, ttlSeconds: number): { username: string; credential: string; expiresAt: number } {
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds;
  // coturn splits on ':' and reads the first part as the expiry; keep the label free of it.
  const username = `${expiresAt}:${label.replace(/:/g, '_')}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt };
}

/** The ICE servers a participant receives: STUN as configured, TURN with fresh credentials. */
export function iceServers(config: { stunUrls: string[]; turnUrls: string[]; turnSecret: string | undefined }, label: string, nowMs: number, ttlSeconds = 3600): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length) servers.push({ urls: config.stunUrls });
  if (config.turnUrls.length && config.turnSecret) {
    const { username, credential } = turnCredentials(config.turnSecret, label, nowMs, ttlSeconds);
    servers.push({ urls: config.turnUrls, username, credential });
  }
  return servers;
}
