// Reader settings, app info, the library's notices, and links leaving the app.
import { HIGHLIGHT_COLORS, THEMES } from '../model/contract';
import type { AppInfo, GlossApi, ReaderSettings } from '../model/contract';
import { AppError } from '../model/errors';
import { requireNumber, requireString } from '../model/validate';
import type { LibraryStore } from '../storage/store-types';
import type { Platform } from './platform';

export type SettingsService = Pick<
  GlossApi,
  'getAppInfo' | 'takeNotices' | 'getSettings' | 'updateSettings' | 'openExternal'
>;

export interface SettingsServiceDeps {
  store: LibraryStore;
  platform: Platform;
  version: string;
}

const SETTINGS_KEYS: ReadonlyArray<keyof ReaderSettings> = [
  'theme',
  'font',
  'fontSize',
  'lineHeight',
  'librarySort',
  'lastColor',
];

export function createSettingsService({ store, platform, version }: SettingsServiceDeps): SettingsService {
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { version, libraryDir: store.dir, nativeDialogs: platform.nativeDialogs, readOnly: store.readOnly };
    },

    async takeNotices() {
      return store.takeNotices();
    },

    async getSettings() {
      return store.getSettings();
    },

    async updateSettings(input) {
      const patch: Partial<ReaderSettings> = {};
      for (const key of SETTINGS_KEYS) {
        if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
      }
      return store.updateSettings(validateSettings(patch));
    },

    async openExternal({ url }) {
      const target = parseExternalUrl(requireString(url, 'The link', 4096));
      if (!platform.openExternal) {
        throw new AppError('not_supported', 'Opening links in the system browser needs the desktop app.');
      }
      await platform.openExternal(target);
    },
  };
}
function validateSettings(patch: Partial<ReaderSettings>): Partial<ReaderSettings> {
  const allowed: Record<string, readonly unknown[]> = {
    theme: THEMES,
    font: ['serif', 'sans'],
    librarySort: ['added', 'title', 'progress'],
    lastColor: HIGHLIGHT_COLORS,
  };
  for (const [key, values] of Object.entries(allowed)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined && !values.includes(value)) {
      throw new AppError('invalid_input', `${key} cannot be ${String(value)}.`);
    }
  }
  if (patch.fontSize !== undefined) requireNumber(patch.fontSize, 'Font size', 12, 40);
  if (patch.lineHeight !== undefined) requireNumber(patch.lineHeight, 'Line height', 1, 2.5);
  return patch;
}

/** Only https: and mailto: ever leave the app. */
function parseExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', `${raw} is not a link Gloss can open.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'mailto:') {
    throw new AppError('invalid_input', `Gloss only opens https: and mailto: links, not ${url.protocol}.`);
  }
  return url.href;
}
