// The sandboxed preload: bundled into one CommonJS file (build.ts), since a sandbox has no require.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './preload-api.js';

exposeApi(contextBridge, ipcRenderer);
