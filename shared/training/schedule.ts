import type { ScheduleSettings } from './settings.js';

/** Where training is, for the learning-rate schedule. */
export interface TrainingPosition {
  /** Optimizer steps taken so far. */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
}

/** The learning rate for the next step: warm-up first, then the schedule. */
export function learningRateAt(
  schedule: ScheduleSettings,
  baseRate: number,
  { step, stepsPerEpoch, totalSteps }: TrainingPosition,
): number {
  if (step < schedule.warmupSteps) return (baseRate * (step + 1)) / schedule.warmupSteps;
  const epoch = Math.floor(step / Math.max(1, stepsPerEpoch));
  switch (schedule.kind) {
    case 'constant':
      return baseRate;
    case 'step':
      return baseRate * schedule.factor ** Math.floor(epoch / schedule.everyEpochs);
    case 'exponential':
      return baseRate * schedule.decay ** (step / Math.max(1, stepsPerEpoch));
    case 'cosine': {
      const span = Math.max(1, totalSteps - schedule.warmupSteps);
      const progress = Math.min(1, (step - schedule.warmupSteps) / span);
      const floor = baseRate * schedule.minFraction;
      return floor + ((baseRate - floor) * (1 + Math.cos(Math.PI * progress))) / 2;
    }
  }
}
