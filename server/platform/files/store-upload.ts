// An upload streamed to the storage under a size limit: past it, nothing is kept and the client gets
// 413 FILE_TOO_LARGE naming the limit (one place for what every upload route would otherwise repeat).
import { fileTooLarge } from './errors.ts';
import { type FileSource, FileTooLarge, type FileStorage, type StoredFile } from './storage.ts';

export async function storeUpload(storage: FileStorage, key: string, source: FileSource, maxBytes: number): Promise<StoredFile> {
  try {
    return await storage.put(key, source, { maxBytes });
  } catch (err) {
    if (err instanceof FileTooLarge) throw fileTooLarge(maxBytes);
    throw err;
  }
}
