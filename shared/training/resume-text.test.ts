import { describe, expect, it } from 'vitest';
import { describeResume } from './resume-text.js';

describe('describeResume', () => {
  it('says where a run continues and which checkpoints it passed over', () => {
    expect(
      describeResume({
        epoch: 1,
        step: 40,
        checkpoint: 'epoch-00001',
        skipped: [{ checkpoint: 'epoch-00002', reason: 'model-main.bin is missing' }],
      }),
    ).toEqual({
      resumed: 'resuming after epoch 1 (checkpoint epoch-00001)',
      skipped: ['skipped checkpoint epoch-00002: model-main.bin is missing'],
    });
  });

  it('names the batch of a run stopped inside an epoch', () => {
    expect(
      describeResume({ epoch: 2, step: 47, batch: 7, checkpoint: 'epoch-00003-batch-00007' }),
    ).toEqual({
      resumed: 'resuming in epoch 3 after batch 7 (checkpoint epoch-00003-batch-00007)',
      skipped: [],
    });
  });
});
