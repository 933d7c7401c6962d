// A route's rate limit, from the configuration (RATE_LIMIT_*_PER_MIN): `config: rateLimited(ctx.config,
// 'publicWrites')`. @fastify/rate-limit counts per client address (TRUST_PROXY decides which) in this
// process's memory, so the numbers are per node; a client over the limit gets 429 RATE_LIMITED.
import type { Config, RateLimitName } from '../../config.ts';

export function rateLimited(config: Config, name: RateLimitName): { rateLimit: { max: number; timeWindow: string } } {
  return { rateLimit: { max: config.rateLimits[name], timeWindow: '1 minute' } };
}
