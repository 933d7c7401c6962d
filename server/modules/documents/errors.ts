import { appError } from '../../platform/http/errors.ts';

export { fileNotFound, fileTooLarge, fileTypeNotAllowed } from '../../platform/files/errors.ts';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The room's (or its appointment's) documents would exceed their total, or their number. */
export const quotaExceeded = (limit: { kind: 'room' | 'booking'; bytes: number } | { kind: 'files'; files: number }) =>
  limit.kind === 'files'
    ? appError('QUOTA_EXCEEDED', { variant: 'files', params: { files: limit.files }, extra: { maxFiles: limit.files } })
    : appError('QUOTA_EXCEEDED', { ...(limit.kind === 'booking' ? { variant: 'booking' as const } : {}), params: { mb: mb(limit.bytes) }, extra: { quotaBytes: limit.bytes } });
