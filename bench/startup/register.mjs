// `node --import ./bench/startup/register.mjs`: installs electron-hooks.mjs.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
