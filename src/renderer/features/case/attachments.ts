import type { AttachmentRef, HistoryEvent } from '../../../shared/domain/history';
import { call } from '../../lib/api';

export interface CaseDocument {
  attachment: AttachmentRef;
  /** The first event that carries it. */
  event: HistoryEvent;
}

/** Every attachment of the case, once each, in the order the history shows them. */
export function caseDocuments(events: readonly HistoryEvent[]): CaseDocument[] {
  const seen = new Set<string>();
  const docs: CaseDocument[] = [];
  const ordered = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  for (const event of ordered) {
    for (const attachment of event.attachments) {
      const key = `${attachment.id}|${attachment.fileName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      docs.push({ attachment, event });
    }
  }
  return docs;
}

export type PreviewKind = 'image' | 'pdf' | null;

/** What the workbench can show itself; anything else is saved and opened elsewhere. */
export function previewKind(mediaType: string): PreviewKind {
  if (/^image\/(png|jpeg|gif|webp|bmp)$/i.test(mediaType)) return 'image';
  if (/^application\/pdf$/i.test(mediaType)) return 'pdf';
  return null;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface LoadedAttachment {
  url: string;
  fileName: string;
  mediaType: string;
}

/** Fetches an attachment's bytes and makes a blob URL for them; the caller revokes it. */
export async function loadAttachment(id: number): Promise<LoadedAttachment> {
  const file = await call('attachments:get', { id });
  const blob = new Blob([bytesOf(file.base64)], { type: file.mediaType || 'application/octet-stream' });
  return { url: URL.createObjectURL(blob), fileName: file.fileName, mediaType: file.mediaType };
}

/** Saves through the browser's download (Electron asks where with its save dialog). */
export function saveBlobUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
