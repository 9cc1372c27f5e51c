import wabt from 'wabt';

/** SIMD, bulk memory (memory.fill) and threads (shared memory, for wasm's threaded build). */
const FEATURES = { simd: true, bulk_memory: true, threads: true };

/**
 * Assembles WebAssembly text into a compiled module. wabt itself is a wasm build of the
 * WebAssembly Binary Toolkit; it loads in about 20 ms, once per process.
 */
export async function assemble(name: string, source: string): Promise<WebAssembly.Module> {
  toolkit ??= wabt();
  const parsed = (await toolkit).parseWat(`${name}.wat`, source, FEATURES);
  try {
    // wabt's validate takes the features too (its typings leave the parameter out).
    (parsed.validate as (features: typeof FEATURES) => void).call(parsed, FEATURES);
    return new WebAssembly.Module(Uint8Array.from(parsed.toBinary({}).buffer));
  } finally {
    parsed.destroy();
  }
}

let toolkit: ReturnType<typeof wabt> | undefined;
