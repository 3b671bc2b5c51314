import { harnessHeaders } from './api';

/**
 * Offers a finished export as a browser download. Only the browser harness needs this: in Electron
 * main already wrote the file where the user chose in its save dialog. The file comes with the
 * token in a header (never in a URL) and is saved from a blob.
 */
export async function downloadExport(jobId: string, fileName: string): Promise<void> {
  if (window.api) return;
  const response = await fetch(`/download/${encodeURIComponent(jobId)}`, { headers: harnessHeaders() });
  if (!response.ok) throw new Error(`The download failed (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start saving before the blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** True where "show in folder" opens the OS file manager (Electron); the harness shows the path. */
export function hasFileManager(): boolean {
  return window.api !== undefined;
}
