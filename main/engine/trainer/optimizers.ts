import * as tf from '@tensorflow/tfjs';
import type { OptimizerSettings } from '../../../shared/training/settings.js';
import { fusedAdamAvailable, fusedAdamStep } from './fused-adam.js';

/** An optimizer whose learning rate the schedule can change between steps. */
export interface ScheduledOptimizer extends tf.Optimizer {
  setLearningRate(rate: number): void;
}

type AdamGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

// Adam, RMSprop and Adagrad read their (protected) `learningRate` afresh at every step.
class Adam extends tf.AdamOptimizer implements ScheduledOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }

  /** tfjs' update, as one fused pass per variable where the backend has it (cpu, wasm). */
  override applyGradients(gradients: AdamGradients): void {
    if (!fusedAdamAvailable()) {
      super.applyGradients(gradients);
      return;
    }
    fusedAdamStep(this, gradients);
    this.incrementIterations();
  }
}

class RMSProp extends tf.RMSPropOptimizer implements ScheduledOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}

class Adagrad extends tf.AdagradOptimizer implements ScheduledOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}

/** Adam with decoupled weight decay (Loshchilov & Hutter), which tfjs lacks. */
class AdamW extends Adam {
  constructor(
    learningRate: number,
    beta1: number,
    beta2: number,
    private readonly weightDecay: number,
  ) {
    super(learningRate, beta1, beta2);
  }

  override applyGradients(gradients: AdamGradients): void {
    const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
    const variables = tf.engine().registeredVariables;
    const keep = 1 - this.learningRate * this.weightDecay;
    tf.tidy(() => {
      for (const name of names) variables[name].assign(tf.mul(variables[name], keep));
    });
    super.applyGradients(gradients);
  }
}

/** Builds the optimizer the settings name. */
export function createOptimizer(settings: OptimizerSettings): ScheduledOptimizer {
  const { learningRate: rate, momentum, beta1, beta2 } = settings;
  switch (settings.name) {
    case 'sgd':
      return tf.train.sgd(rate);
    case 'momentum':
    case 'nesterov':
      return tf.train.momentum(rate, momentum, settings.name === 'nesterov');
    case 'adam':
      return new Adam(rate, beta1, beta2);
    case 'adamw':
      return new AdamW(rate, beta1, beta2, settings.weightDecay);
    case 'rmsprop':
      return new RMSProp(rate, 0.9, momentum);
    case 'adagrad':
      return new Adagrad(rate);
  }
}
