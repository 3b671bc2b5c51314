/** Hands the browser (or Electron's window) a file to save under `fileName`, as a download. */
export function saveFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The same for bytes that came over the API as base64. */
export function saveBase64File(fileName: string, base64: string, type: string): void {
  saveFile(fileName, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), type);
}
