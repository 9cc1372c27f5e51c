import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { binariesModule } from './build-binaries.js';
import { KERNEL_BINARIES } from './kernel-binaries.js';
import { KERNEL_SOURCES } from './kernel-sources.js';

describe('the assembled kernel binaries', () => {
  it('are what their WebAssembly text assembles to today (run `npm run kernels` if not)', async () => {
    const committed = await readFile(
      fileURLToPath(new URL('./kernel-binaries.ts', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(await binariesModule());
  });

  it('hold every module for both kinds of memory, each a valid module importing that memory', () => {
    for (const memory of ['plain', 'shared'] as const) {
      expect(Object.keys(KERNEL_BINARIES[memory]).sort()).toEqual(
        Object.keys(KERNEL_SOURCES).sort(),
      );
      for (const base64 of Object.values(KERNEL_BINARIES[memory])) {
        const module = new WebAssembly.Module(Buffer.from(base64, 'base64'));
        const [memoryImport] = WebAssembly.Module.imports(module);
        expect(memoryImport).toEqual({ module: 'env', name: 'memory', kind: 'memory' });
      }
    }
  });
});
