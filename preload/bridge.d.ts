// What the preload exposes to the renderer, seen by renderer/tsconfig.json as a type only.
export interface GlossBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Absolute paths of files dropped on the window (Electron only). */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    glossBridge?: GlossBridge;
  }
}
