import { describe, expect, it } from 'vitest';
import { augmentationSchema } from '../../../shared/training/settings.js';
import { openDataset } from '../../services/datasets/registry.js';
import { augmentationFor } from './augmentation.js';

const open = async (id: string) => {
  const opened = await openDataset(id);
  if (!opened.ok) throw new Error(opened.errors[0].message);
  return opened.dataset;
};

describe('augmentationFor', () => {
  it('passes the chosen changes through for image datasets', async () => {
    const settings = augmentationSchema.parse({ flip: true, shift: 2 });
    expect(augmentationFor(settings, await open('mnist'))).toEqual({
      flip: true,
      shift: 2,
      rotate: 0,
    });
  });

  it('asks for nothing when every change is off, or the inputs are not images', async () => {
    expect(augmentationFor(augmentationSchema.parse({}), await open('mnist'))).toBeUndefined();
    const on = augmentationSchema.parse({ flip: true, rotate: 10 });
    expect(augmentationFor(on, await open('iris'))).toBeUndefined();
    expect(augmentationFor(on, await open('toy-sequences'))).toBeUndefined();
  });
});
