import * as tf from '@tensorflow/tfjs';
import type { Inspection, ModelInput, Prediction } from '../../../shared/api/inspection.js';
import type { Reply } from '../../../shared/api/reply.js';
import { inspectNode } from './inspect.js';
import { prepareInput, type PreparedInput } from './model-input.js';
import { predictOne } from './predict.js';
import {
  defaultRunModel,
  loadRunContext,
  savedAt,
  type RunContext,
  type RunModelRole,
} from './run-context.js';

/** Which run's model to use, for one request. */
export interface RunModelRef {
  /** The absolute project file the run belongs to. */
  file: string;
  runId: string;
  model?: RunModelRole;
}

/**
 * Trained models of one session (a window or a tab), each loaded once with its dataset and
 * kept until the session ends: testing one input after another must not reload weights.
 */
export class InspectionService {
  private readonly loaded = new Map<string, Promise<Reply<RunContext>>>();

  /** The run's model's answer for one input. */
  async predict(ref: RunModelRef, input: ModelInput): Promise<Reply<Prediction>> {
    return this.withInput(ref, input, (context, prepared) => ({
      ok: true,
      result: {
        input: seen(prepared),
        output:
          context.role === 'discriminator'
            ? realOrGenerated(context.model, prepared)
            : predictOne(context.model, context.dataset, prepared),
      },
    }));
  }

  /** One node's output for one input: histogram, feature maps or attention weights. */
  async inspect(ref: RunModelRef, nodeId: string, input: ModelInput): Promise<Reply<Inspection>> {
    return this.withInput(ref, input, (context, prepared) => {
      const insight = inspectNode(context.model, nodeId, prepared);
      return insight.ok
        ? { ok: true, result: { ...insight.result, input: seen(prepared) } }
        : insight;
    });
  }

  /** Frees every loaded model. */
  async dispose(): Promise<void> {
    const loaded = [...this.loaded.values()];
    this.loaded.clear();
    for (const reply of await Promise.all(loaded)) if (reply.ok) reply.result.model.dispose();
  }

  private async withInput<T>(
    ref: RunModelRef,
    input: ModelInput,
    use: (context: RunContext, prepared: PreparedInput) => Reply<T>,
  ): Promise<Reply<T>> {
    const context = await this.context(ref);
    if (!context.ok) return context;
    const prepared = prepareInput(context.result.dataset, context.result.normalise, input);
    if (!prepared.ok) return prepared;
    try {
      return use(context.result, prepared.result);
    } finally {
      tf.dispose(prepared.result.tensor);
    }
  }

  private async context(ref: RunModelRef): Promise<Reply<RunContext>> {
    const role = ref.model ?? (await defaultRunModel(ref.file, ref.runId));
    const run = `${ref.file}\0${ref.runId}\0${role}`;
    const key = `${run}\0${await savedAt(ref.file, ref.runId, role)}`;
    let context = this.loaded.get(key);
    if (!context) {
      this.forget(run);
      context = loadRunContext(ref.file, ref.runId, role);
      this.loaded.set(key, context);
      // A failed load (no model yet: the run is still training) is tried again next time.
      void context.then((reply) => {
        if (!reply.ok && this.loaded.get(key) === context) this.loaded.delete(key);
      });
    }
    return context;
  }

  /** Drops (and frees) a model of this run saved before the one on disk now. */
  private forget(run: string): void {
    for (const [key, stale] of this.loaded) {
      if (!key.startsWith(`${run}\0`)) continue;
      this.loaded.delete(key);
      void stale.then((reply) => reply.ok && reply.result.model.dispose());
    }
  }
}

function seen(prepared: PreparedInput): Prediction['input'] {
  return {
    shown: prepared.shown,
    ...(prepared.label === undefined ? {} : { label: prepared.label }),
  };
}

/** A GAN discriminator's answer: how real the image looks to it (its one sigmoid unit). */
function realOrGenerated(model: tf.LayersModel, prepared: PreparedInput): Prediction['output'] {
  const real = tf.tidy(() => (model.predict(prepared.tensor) as tf.Tensor).dataSync()[0]);
  const classes = [
    { label: 'real', probability: real },
    { label: 'generated', probability: 1 - real },
  ];
  return { kind: 'classes', classes: classes.sort((a, b) => b.probability - a.probability) };
}
