import { modelError, type Diagnostic } from './diagnostics.js';
import { nodeLabel, type Wiring } from './wiring.js';

/** Reports a graph without an Input or Output, and nodes whose result reaches no Output. */
export function reportUsage(wiring: Wiring, out: Diagnostic[]): void {
  const outputs: string[] = [];
  let hasInput = false;
  for (const [id, wired] of wiring.nodes) {
    if (wired.node.kind === 'Output') outputs.push(id);
    if (wired.node.kind === 'Input') hasInput = true;
  }
  if (!hasInput) {
    out.push(
      modelError(
        'no-input',
        'The model has no Input: nothing says what an example looks like.',
        'Drag an Input from the palette and connect it to the first layer.',
      ),
    );
  }
  if (outputs.length === 0) {
    out.push(
      modelError(
        'no-output',
        'The model has no Output: nothing says what it predicts or how it is trained.',
        'Drag an Output from the palette and connect the last layer to it.',
      ),
    );
    return; // every node would be "unused"; the error above says it once
  }

  const used = new Set(outputs);
  const queue = [...outputs];
  for (let i = 0; i < queue.length; i++) {
    for (const source of wiring.nodes.get(queue[i])!.inputs) {
      if (source === undefined || used.has(source)) continue;
      used.add(source);
      queue.push(source);
    }
  }
  for (const [id, wired] of wiring.nodes) {
    if (used.has(id)) continue;
    out.push({
      severity: 'warning',
      code: 'unused-node',
      message: `${nodeLabel(wired)} does not lead to any Output, so it is not part of the model.`,
      hint: 'Connect it towards an Output, or delete it.',
      target: { type: 'node', nodeId: id },
    });
  }
}
