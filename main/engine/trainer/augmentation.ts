import type { AugmentationSettings } from '../../../shared/training/settings.js';
import type { AugmentOptions, Dataset } from '../../services/datasets/dataset.js';

/** The augmentation to ask the dataset for: only for image inputs, and only when any is on. */
export function augmentationFor(
  settings: AugmentationSettings,
  dataset: Dataset,
): AugmentOptions | undefined {
  const { inputShape, inputDtype } = dataset.schema;
  const images = inputShape.length === 3 && inputDtype === 'float32';
  const any = settings.flip || settings.shift > 0 || settings.rotate > 0;
  return images && any ? { ...settings } : undefined;
}
