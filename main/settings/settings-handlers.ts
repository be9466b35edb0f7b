import type { GlossApi } from '../model/contract';
import type { SettingsService } from './settings-service';

/** Settings, app info, notices and external links. */
export type SettingsHandlers = Pick<
  GlossApi,
  'getAppInfo' | 'takeNotices' | 'getSettings' | 'updateSettings' | 'openExternal'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function settingsHandlers(settings: SettingsService): SettingsHandlers {
  return {
    getAppInfo: (i) => settings.getAppInfo(i),
    takeNotices: (i) => settings.takeNotices(i),
    getSettings: (i) => settings.getSettings(i),
    updateSettings: (i) => settings.updateSettings(i),
    openExternal: (i) => settings.openExternal(i),
  };
}
