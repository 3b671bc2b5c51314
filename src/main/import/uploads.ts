import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';

/**
 * Files handed to main for import, known to the renderer only by a random id. The renderer is
 * untrusted and may not name paths for main to read: in the browser harness it streams the file
 * to a dedicated endpoint (with the harness token), and main stores it in a temp folder of its
 * own; in Electron the main process registers the file the user picked in its own dialog.
 * Each upload gets a folder of its own, so paths inside an import file find no other upload.
 */
export interface Upload {
  id: string;
  fileName: string;
  path: string;
  size: number;
}

const uploads = new Map<string, Upload & { folder: string | null }>();

/** A new temp folder for one upload, and the path its file goes to. */
export function uploadTarget(fileName: string): { id: string; folder: string; path: string } {
  const id = randomBytes(18).toString('base64url');
  const folder = mkdtempSync(join(tmpdir(), 'ombud-upload-'));
  const safe = fileName.replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(-120) || 'upload';
  return { id, folder, path: join(folder, safe) };
}

export function registerUpload(upload: Upload, folder: string | null): void {
  uploads.set(upload.id, { ...upload, folder });
}

export function findUpload(id: string): Upload | undefined {
  return uploads.get(id);
}

/** Removes an upload's temp folder (not a file the user picked in Electron). */
export function discardUpload(id: string): void {
  const u = uploads.get(id);
  if (!u) return;
  uploads.delete(id);
  if (u.folder) rmSync(u.folder, { recursive: true, force: true });
}

export function discardAllUploads(): void {
  for (const id of [...uploads.keys()]) discardUpload(id);
}

/**
 * Electron: registers a file the user picked or dropped (its path read by the preload from the
 * File object) under an upload id. The file stays where it is and is never deleted.
 */
export function registerLocalFile(path: unknown): { uploadId: string; fileName: string; size: number } {
  if (typeof path !== 'string' || path === '' || !isAbsolute(path)) throw new Error('The file has no path on this computer; choose or drop a file from a folder.');
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error();
    size = stat.size;
  } catch {
    throw new Error(`${basename(path)} is not a file that can be read.`);
  }
  const id = randomBytes(18).toString('base64url');
  registerUpload({ id, fileName: basename(path), path, size }, null);
  return { uploadId: id, fileName: basename(path), size };
}
