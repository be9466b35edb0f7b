// What differs between the desktop app and browser mode, asked here and only
// here: the rest of the renderer does not know which transport it has.
import type { GlossApi } from '../../main/model/contract';

/** Opens a confirmed https:/mailto: link: in the system browser (desktop) or a new tab (browser mode). */
export async function openExternalLink(api: GlossApi, url: string): Promise<void> {
  if (window.glossBridge) await api.openExternal({ url });
  else window.open(url, '_blank', 'noopener,noreferrer');
}

/** Where a dropped or picked file lives on disk, when the desktop app can tell (browser mode cannot). */
export function pathOfFile(file: File): string | undefined {
  return window.glossBridge?.pathForFile(file) || undefined;
}
