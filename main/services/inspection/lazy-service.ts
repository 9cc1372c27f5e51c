import type { InspectionService } from './service.js';

/** What the inspection handlers and a session use of the service. */
export type Inspections = Pick<InspectionService, 'predict' | 'inspect' | 'dispose'>;

/**
 * The inspection service, loaded on its first request: it brings TensorFlow.js, which the
 * app's main process should not load before its first window (most sessions never predict).
 */
export function lazyInspectionService(): Inspections {
  let loaded: Promise<InspectionService> | undefined;
  const load = () =>
    (loaded ??= import('./service.js').then(({ InspectionService }) => new InspectionService()));
  return {
    predict: async (...args) => (await load()).predict(...args),
    inspect: async (...args) => (await load()).inspect(...args),
    // Nothing to free when nothing was loaded.
    dispose: async () => {
      if (loaded) await (await loaded).dispose();
    },
  };
}
