import type { GraphNode } from '../../../shared/graph/document.js';
import { LOSSES, type LossName } from '../../../shared/layers/io.js';

/**
 * The Output node's loss and metrics: the file's own loss when it keeps one, else what the last
 * activation suggests (softmax: class ids, sigmoid: yes/no, linear: values), else the defaults.
 */
export function outputParams(last: GraphNode, fileLoss?: string): Record<string, unknown> {
  const loss =
    fileLoss && (LOSSES as readonly string[]).includes(fileLoss)
      ? (fileLoss as LossName)
      : undefined;
  const activation = last.kind === 'Activation' ? last.params.fn : last.params.activation;
  const inferred: LossName | undefined =
    loss ??
    (activation === 'softmax'
      ? 'sparse_categorical_crossentropy'
      : activation === 'sigmoid'
        ? 'binary_crossentropy'
        : activation === 'linear'
          ? 'mean_squared_error'
          : undefined);
  if (!inferred) return {};
  const classifies = inferred.endsWith('crossentropy');
  return { loss: inferred, metrics: classifies ? ['accuracy'] : ['mean_absolute_error'] };
}
