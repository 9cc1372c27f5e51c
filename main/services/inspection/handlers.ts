import type { Handlers } from '../api/dispatch.js';
import type { PathPolicy } from '../workspace/paths.js';
import type { Inspections } from './lazy-service.js';

/** The channels the inspection service answers. */
export type InspectionChannel = 'renderer:model.predict' | 'renderer:model.inspect';

/** Handlers for testing a trained model on one input and looking inside it. */
export function inspectionHandlers(
  paths: PathPolicy,
  inspection: Inspections,
): Pick<Handlers, InspectionChannel> {
  return {
    'renderer:model.predict': async ({ path, runId, model, input }) => {
      const file = await paths.resolve(path);
      if (!file.ok) return file;
      return inspection.predict({ file: file.result, runId, model }, input);
    },
    'renderer:model.inspect': async ({ path, runId, model, nodeId, input }) => {
      const file = await paths.resolve(path);
      if (!file.ok) return file;
      return inspection.inspect({ file: file.result, runId, model }, nodeId, input);
    },
  };
}
