import { describe, expect, it } from 'vitest';
import { BatchCoalescer } from './coalesce.js';

describe('BatchCoalescer', () => {
  it('holds batches until the interval passes, then emits their mean', () => {
    let clock = 0;
    const coalescer = new BatchCoalescer(100, () => clock);
    clock = 40;
    expect(coalescer.add({ loss: 1, metrics: { accuracy: 0.5 }, samples: 10 })).toBeUndefined();
    clock = 100;
    const event = coalescer.add({ loss: 3, metrics: { accuracy: 1 }, samples: 10 });
    expect(event).toEqual({
      batches: 2,
      loss: 2,
      metrics: { accuracy: 0.75 },
      samplesPerSecond: 200,
    });
  });

  it('flushes the remainder and nothing when empty', () => {
    let clock = 0;
    const coalescer = new BatchCoalescer(1000, () => clock);
    coalescer.add({ loss: 4, metrics: {}, samples: 8 });
    clock = 500;
    expect(coalescer.flush()).toMatchObject({ batches: 1, loss: 4, samplesPerSecond: 16 });
    expect(coalescer.flush()).toBeUndefined();
  });
});
