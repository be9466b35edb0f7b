// Browser mode has no save dialog: hand the file to the browser as a download.
// An <a download> pointing at a blob: URL is a navigation, not a fetch, so the
// page's CSP (default-src 'none'; no connect-src for blob:) does not stop it.
// The link is never attached to the document: its click then cannot bubble to
// the window, where the app's link guard (renderer/link-guard.ts) would cancel it.

export function downloadFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // The download has started by now; revoking at once can cancel it in some engines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
