import { appError } from '../../platform/http/errors.ts';

export const fileTooLarge = (maxBytes: number) => appError('FILE_TOO_LARGE', { params: { mb: Math.round(maxBytes / 1024 / 1024) }, extra: { maxBytes } });

export const fileTypeNotAllowed = (accepted: string) => appError('FILE_TYPE_NOT_ALLOWED', { params: { accepted } });

export const fileNotFound = () => appError('FILE_NOT_FOUND');
