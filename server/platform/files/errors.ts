// The errors of an upload or a download, the same for every capability that takes documents.
import { appError } from '../http/errors.ts';

export const fileTooLarge = (maxBytes: number) => appError('FILE_TOO_LARGE', { params: { mb: Math.round(maxBytes / 1024 / 1024) }, extra: { maxBytes } });

export const fileTypeNotAllowed = (accepted: string) => appError('FILE_TYPE_NOT_ALLOWED', { params: { accepted } });

export const fileNotFound = () => appError('FILE_NOT_FOUND');
