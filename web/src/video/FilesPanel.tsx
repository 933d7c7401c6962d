// Documents of the call: upload with progress (the server decides the type from the content and
// enforces the size), the list with who sent each one, and plain download links.
import { useState } from 'react';
import type { Party, RoomFile } from '../../../contracts/video.ts';
import { ApiError, toClientCode } from '../shared/api.ts';
import { fileSize } from '../shared/format.ts';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff,.docx,.xlsx,.pptx,.odt,.ods,.odp,.p7m';

/** POSTs the raw file; resolves with the stored document, rejects with the server's Italian message. */
function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<RoomFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'it');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Caricamento non riuscito: controlla la connessione e riprova.'));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // not JSON: a proxy's error page
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as RoomFile);
      else if (xhr.status === 413 && typeof body.message !== 'string') reject(new ApiError(413, 'FILE_TOO_LARGE', 'Il file è troppo grande.'));
      else reject(new ApiError(xhr.status, toClientCode(body.code, xhr.status), typeof body.message === 'string' ? body.message : 'Caricamento non riuscito: riprova.'));
    };
    xhr.send(file);
  });
}

export function FilesPanel({ files, party, baseUrl, maxBytes, onUploaded }: { files: RoomFile[]; party: Party; baseUrl: string; maxBytes: number; onUploaded(f: RoomFile): void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const upload = async (file: File) => {
    setError(undefined);
    setDone(undefined);
    if (file.size > maxBytes) return setError(`Il file "${file.name}" è troppo grande (${fileSize(file.size)}): il limite è ${fileSize(maxBytes)}.`);
    if (file.size === 0) return setError(`Il file "${file.name}" è vuoto.`);
    setProgress(0);
    try {
      const stored = await uploadFile(baseUrl, file, setProgress);
      onUploaded(stored);
      setDone(`Documento caricato: ${stored.name}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Caricamento non riuscito: riprova.');
    } finally {
      setProgress(null);
    }
  };
  const from = (p: Party) => (p === party ? 'inviato da te' : p === 'officer' ? "inviato dall'operatore" : 'inviato dal cittadino');
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title" className="h5">
        Documenti
      </h2>
      <ul className="list-unstyled" data-testid="files-list">
        {files.length === 0 ? <li className="text-secondary small">Nessun documento.</li> : null}
        {files.map((f) => (
          <li key={f.id} className="mb-2" data-from={f.uploadedBy}>
            <a href={`${baseUrl}/${encodeURIComponent(f.id)}`} download={f.name}>
              {f.name}
            </a>
            <span className="d-block small">
              {fileSize(f.size)}, {from(f.uploadedBy)}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
      <div className="mb-2">
        <label htmlFor="room-upload" className="form-label">
          Carica un documento
        </label>
        <input
          id="room-upload"
          type="file"
          className="form-control"
          disabled={progress !== null}
          accept={ACCEPT}
          aria-describedby="room-upload-help"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void upload(f);
          }}
        />
        <p id="room-upload-help" className="small mb-0">
          PDF, immagini, documenti Office e OpenDocument, file firmati .p7m; al massimo {fileSize(maxBytes)}.
        </p>
      </div>
      {progress !== null ? (
        <div className="mt-2">
          <label htmlFor="room-upload-progress" className="small">
            Caricamento in corso…
          </label>
          <progress id="room-upload-progress" className="w-100" max={1} value={progress} />
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {done}
      </p>
    </section>
  );
}
