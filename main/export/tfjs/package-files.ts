import type * as tf from '@tensorflow/tfjs';

/** What the README says about the exported model. */
export interface ModelFacts {
  name: string;
  inputs: { name: string; shape: tf.Shape; dtype: string }[];
  outputs: { name: string; shape: tf.Shape }[];
  params: number;
}

const shape = (s: tf.Shape) => `[${s.map((d) => d ?? 'None').join(', ')}]`;

/** The export folder's README: what the files are and how to load them. */
export function readme(facts: ModelFacts): string {
  return `# ${facts.name} — TensorFlow.js model exported by Strata

- Parameters: ${facts.params.toLocaleString('en-US')}
${facts.inputs.map((i) => `- Input \`${i.name}\`: ${shape(i.shape)} ${i.dtype}`).join('\n')}
${facts.outputs.map((o) => `- Output \`${o.name}\`: ${shape(o.shape)}`).join('\n')}

## Files

| file | what |
| --- | --- |
| \`model.json\` | the layers-model topology and the weights manifest (TF.js layers format) |
| \`weights.bin\` | the weights, float32, in the order of the manifest |
| \`strata-layers.js\` | an ES module that registers Strata's own layers (attention, transformer blocks, Keras' GRU, …) with your \`@tensorflow/tfjs\` |
| \`load.mjs\` | a Node example that loads the model and runs it once |

## Loading

Install \`@tensorflow/tfjs\` (4.x), import \`strata-layers.js\` once, before loading: without it
\`tf.loadLayersModel\` does not know Strata's layer classes.

In a browser (serve this folder next to your page):

\`\`\`js
import * as tf from '@tensorflow/tfjs';
import './strata-layers.js';

const model = await tf.loadLayersModel('./model.json');
const prediction = model.predict(tf.zeros([1, ...model.inputs[0].shape.slice(1)]));
\`\`\`

In Node: \`npm install @tensorflow/tfjs\`, then \`node load.mjs\`. It reads the files with \`fs\`
and hands them to \`tf.io.fromMemory\`; \`loadModel\` in it can be imported from your own code.
With \`@tensorflow/tfjs-node\`, \`tf.loadLayersModel('file://…/model.json')\` works as well.
`;
}

/** A Node example: `loadModel()` from the folder's files, and one prediction when run directly. */
export const LOAD_EXAMPLE = `// Loads the model in this folder with plain @tensorflow/tfjs and runs it on one example.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import './strata-layers.js';

/** Loads model.json and weights.bin from \`folder\` (a file URL, default: this folder). */
export async function loadModel(folder = new URL('./', import.meta.url)) {
  const json = JSON.parse(await readFile(new URL('model.json', folder), 'utf8'));
  const weights = await readFile(new URL('weights.bin', folder));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = await loadModel();
  model.summary();
  // One example of zeros per input (a variable length taken as 1) shows the output shapes.
  const inputs = model.inputs.map((input) =>
    tf.zeros([1, ...input.shape.slice(1).map((d) => d ?? 1)], input.dtype),
  );
  const outputs = [model.predict(inputs.length === 1 ? inputs[0] : inputs)].flat();
  outputs.forEach((output, i) => console.log(\`output \${i}: shape [\${output.shape}]\`));
}
`;
