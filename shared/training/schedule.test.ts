import { describe, expect, it } from 'vitest';
import { learningRateAt } from './schedule.js';
import { scheduleSchema } from './settings.js';

const at = (step: number) => ({ step, stepsPerEpoch: 10, totalSteps: 100 });

describe('learningRateAt', () => {
  it('keeps a constant rate', () => {
    const schedule = scheduleSchema.parse({ kind: 'constant' });
    expect(learningRateAt(schedule, 0.1, at(0))).toBe(0.1);
    expect(learningRateAt(schedule, 0.1, at(99))).toBe(0.1);
  });

  it('ramps linearly during warm-up, then follows the schedule', () => {
    const schedule = scheduleSchema.parse({ kind: 'constant', warmupSteps: 4 });
    expect([0, 1, 2, 3, 4].map((s) => learningRateAt(schedule, 1, at(s)))).toEqual([
      0.25, 0.5, 0.75, 1, 1,
    ]);
  });

  it('drops by the factor every few epochs with a step schedule', () => {
    const schedule = scheduleSchema.parse({ kind: 'step', everyEpochs: 2, factor: 0.5 });
    expect(learningRateAt(schedule, 1, at(19))).toBe(1);
    expect(learningRateAt(schedule, 1, at(20))).toBe(0.5);
    expect(learningRateAt(schedule, 1, at(45))).toBe(0.25);
  });

  it('decays exponentially per epoch', () => {
    const schedule = scheduleSchema.parse({ kind: 'exponential', decay: 0.9 });
    expect(learningRateAt(schedule, 1, at(30))).toBeCloseTo(0.9 ** 3, 12);
  });

  it('follows half a cosine from the base rate to the floor', () => {
    const schedule = scheduleSchema.parse({ kind: 'cosine', minFraction: 0.1 });
    expect(learningRateAt(schedule, 1, at(0))).toBeCloseTo(1, 12);
    expect(learningRateAt(schedule, 1, at(50))).toBeCloseTo(0.55, 12);
    expect(learningRateAt(schedule, 1, at(100))).toBeCloseTo(0.1, 12);
  });
});
