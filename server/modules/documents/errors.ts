import { AppError } from '../../platform/http/errors.ts';

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'FILE_TOO_LARGE',
    `Il file è troppo grande: il limite è ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    `The file is too large: the limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    { maxBytes },
  );

export const fileTypeNotAllowed = (accepted: string) =>
  new AppError(415, 'FILE_TYPE_NOT_ALLOWED', `Tipo di file non accettato. Puoi caricare: ${accepted}.`, `File type not accepted. Allowed: ${accepted}.`);

export const fileNotFound = () => new AppError(404, 'FILE_NOT_FOUND', 'Documento non trovato.', 'Document not found.');
