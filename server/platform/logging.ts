import pino from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'sportello' },
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', '*.password'], censor: '[redacted]' },
  });
}
