import { addToRowsSource } from './add-to-rows-wat.js';
import { col2imSource } from './col2im-wat.js';
import { columnSumsSource } from './column-sums-wat.js';
import { im2colSource } from './im2col-wat.js';
import { maxPoolGradSource } from './max-pool-grad-wat.js';
import { tallProductSource } from './tall-product-wat.js';

/** The heap kernels' WebAssembly text, by module name. */
export const KERNEL_SOURCES = {
  maxPoolGrad: maxPoolGradSource,
  col2im: col2imSource,
  im2col: im2colSource,
  tallProduct: tallProductSource,
  columnSums: columnSumsSource,
  addToRows: addToRowsSource,
};

export type KernelModule = keyof typeof KERNEL_SOURCES;

/** Plain memory for wasm's single-threaded build, shared for its threaded one. */
export type MemoryKind = 'plain' | 'shared';

const PLAIN_MEMORY = '(import "env" "memory" (memory 1))';
const SHARED_MEMORY = '(import "env" "memory" (memory 1 65536 shared))';

/** One module's text for one kind of memory (an import must say which it takes). */
export function kernelSource(name: KernelModule, memory: MemoryKind): string {
  const source = KERNEL_SOURCES[name];
  return memory === 'shared' ? source.replace(PLAIN_MEMORY, SHARED_MEMORY) : source;
}
