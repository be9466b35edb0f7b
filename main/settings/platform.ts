/**
 * What only a desktop shell can do. Electron supplies all of it; browser mode
 * and the CLI supply none, and the services say so with 'not_supported'.
 */
export interface Platform {
  nativeDialogs: boolean;
  pickFiles?: () => Promise<string[]>;
  saveFile?: (suggestedName: string) => Promise<string | null>;
  /** A folder to write into (the vault export), or null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  openExternal?: (url: string) => Promise<void>;
}

export const headlessPlatform: Platform = { nativeDialogs: false };
