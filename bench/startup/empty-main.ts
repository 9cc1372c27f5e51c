// The reference: an Electron main that does nothing but open its window once the app is ready.
import { app, BrowserWindow } from 'electron';

void app.whenReady().then(() => new BrowserWindow({ width: 1400, height: 900, show: false }));
