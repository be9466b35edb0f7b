// Reader settings, app info, the library's notices, and links leaving the app.
import {
  FONT_SIZE_RANGE,
  HIGHLIGHT_COLORS,
  LIBRARY_SORTS,
  LINE_HEIGHT_RANGE,
  READER_FONTS,
  THEMES,
} from '../model/contract';
import type { AppInfo, GlossApi, ReaderSettings } from '../model/contract';
import { AppError } from '../model/errors';
import { between, ensure, oneOf, type Check } from '../model/schema';
import { requireString } from '../model/validate';
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
      for (const key of Object.keys(SETTINGS_PATCH) as Array<keyof ReaderSettings>) {
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
/** The patch's fields one by one, each with a sentence a user can act on. */
const SETTINGS_PATCH: { [K in keyof ReaderSettings]: { check: Check; sentence: string } } = {
  theme: { check: oneOf(THEMES), sentence: `The theme is one of ${THEMES.join(', ')}.` },
  font: { check: oneOf(READER_FONTS), sentence: `The font is one of ${READER_FONTS.join(', ')}.` },
  fontSize: {
    check: between(...FONT_SIZE_RANGE),
    sentence: `Font size must be a number from ${FONT_SIZE_RANGE.join(' to ')}.`,
  },
  lineHeight: {
    check: between(...LINE_HEIGHT_RANGE),
    sentence: `Line height must be a number from ${LINE_HEIGHT_RANGE.join(' to ')}.`,
  },
  librarySort: { check: oneOf(LIBRARY_SORTS), sentence: `The library is sorted by ${LIBRARY_SORTS.join(', ')}.` },
  lastColor: {
    check: oneOf(HIGHLIGHT_COLORS),
    sentence: `The highlight color is one of ${HIGHLIGHT_COLORS.join(', ')}.`,
  },
};

function validateSettings(patch: Partial<ReaderSettings>): Partial<ReaderSettings> {
  for (const [key, value] of Object.entries(patch)) {
    const field = SETTINGS_PATCH[key as keyof ReaderSettings];
    ensure(field.check, value, field.sentence);
  }
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
