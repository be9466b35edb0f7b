// Electron main-process entry. Everything else lives in plain modules so the
// CLI and browser mode run the same code without Electron.
import { startDesktopApp } from './electron/app';

startDesktopApp();
