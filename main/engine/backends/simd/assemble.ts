import wabt from 'wabt';

/** SIMD, bulk memory (memory.fill) and threads (shared memory, for wasm's threaded build). */
const FEATURES = { simd: true, bulk_memory: true, threads: true };

/**
 * Assembles WebAssembly text into a module's bytes, at build time only (kernel-binaries.ts is
 * its output; the app does not ship wabt). wabt itself is a wasm build of the WebAssembly
 * Binary Toolkit.
 */
export async function assemble(name: string, source: string): Promise<Uint8Array> {
  toolkit ??= wabt();
  const parsed = (await toolkit).parseWat(`${name}.wat`, source, FEATURES);
  try {
    // wabt's validate takes the features too (its typings leave the parameter out).
    (parsed.validate as (features: typeof FEATURES) => void).call(parsed, FEATURES);
    return Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

let toolkit: ReturnType<typeof wabt> | undefined;
