import type { Result } from '../../shared/ipc/result';
import { harnessHeaders } from './api';

declare global {
  interface Window {
    /** Set by the Electron preload. Absent in the browser harness. */
    ombudFiles?: { register(file: File): Promise<Result<UploadedFile>> };
  }
}

export interface UploadedFile {
  uploadId: string;
  fileName: string;
  size: number;
}

/**
 * Hands a file the user chose or dropped to main for import. In the browser harness it streams
 * to the token-protected upload endpoint (XMLHttpRequest, for upload progress); main answers with
 * an id. In Electron the preload hands the File to main, which registers it in place. The
 * renderer never sends a path.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<Result<UploadedFile>> {
  // Electron: main reads the file where it is (the preload passes the File, never a path).
  if (window.ombudFiles) return window.ombudFiles.register(file);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    for (const [name, value] of Object.entries(harnessHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / Math.max(1, e.total));
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<UploadedFile>);
      } catch {
        resolve({ ok: false, error: { code: 'unavailable', message: `The upload failed (${xhr.status}).` } });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'unavailable', message: 'The workbench service did not answer.' } });
    xhr.send(file);
  });
}
