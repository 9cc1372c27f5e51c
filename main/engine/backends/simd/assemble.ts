import wabt from 'wabt';

/**
 * Assembles WebAssembly text with SIMD into a compiled module. wabt itself is a wasm build of
 * the WebAssembly Binary Toolkit; it loads in about 20 ms, once per process.
 */
export async function assemble(name: string, source: string): Promise<WebAssembly.Module> {
  toolkit ??= wabt();
  const parsed = (await toolkit).parseWat(`${name}.wat`, source, { simd: true, bulk_memory: true });
  try {
    parsed.validate();
    return new WebAssembly.Module(Uint8Array.from(parsed.toBinary({}).buffer));
  } finally {
    parsed.destroy();
  }
}

let toolkit: ReturnType<typeof wabt> | undefined;
