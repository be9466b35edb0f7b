import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CHANNEL } from '../main/model/contract';
import type { GlossBridge } from './bridge';

// The renderer gets one narrow function, never ipcRenderer itself.
const bridge: GlossBridge = {
  invoke: (method, input) => ipcRenderer.invoke(API_CHANNEL, method, input),
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('glossBridge', bridge);
