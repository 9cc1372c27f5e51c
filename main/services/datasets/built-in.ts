import type { Dataset } from './dataset.js';
import { openBundledIris } from './bundled/iris.js';
import { openBundledMnist } from './bundled/mnist.js';
import { openBundledMobyDick } from './bundled/moby-dick.js';
import type { SplitOptions } from './splits.js';
import { openSineSequences } from './synthetic/sine-sequences.js';
import { openSpirals } from './synthetic/spirals.js';
import { openToySequences } from './synthetic/toy-sequences.js';

/** One opener per built-in catalogue id (registry.test.ts opens every catalogue id). */
export const builtInOpeners: Record<string, (options?: SplitOptions) => Dataset> = {
  mnist: (options) => openBundledMnist('mnist', options),
  'mnist-flat': (options) => openBundledMnist('mnist-flat', options),
  'mnist-autoencoder': (options) => openBundledMnist('mnist-autoencoder', options),
  iris: openBundledIris,
  'moby-dick-chars': openBundledMobyDick,
  spirals: openSpirals,
  'sine-sequences': openSineSequences,
  'toy-sequences': openToySequences,
};
