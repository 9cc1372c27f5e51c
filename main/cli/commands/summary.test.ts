import { describe, expect, it } from 'vitest';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { newCommand } from './new.js';
import { summaryCommand } from './summary.js';

const inFolder = useTempFolder();

async function fromTemplate(template: string) {
  const file = inFolder(`${template}.strata`);
  await newCommand(file, { template }, captureIo());
  return file;
}

describe('strata summary', () => {
  it('prints a Keras-like table for mnist-cnn with the totals Keras reports', async () => {
    const io = captureIo();
    expect(await summaryCommand(await fromTemplate('mnist-cnn'), {}, io)).toBe(0);
    const text = io.stdout.join('\n');
    // First convolution: 3×3 kernel over 1 channel into 32 filters, plus 32 biases (Keras' count).
    expect(text).toMatch(/^ conv2d_1 \(Conv2D\) +\(None, 26, 26, 32\) +320$/m);
    expect(text).toMatch(/^ flatten_1 \(Flatten\) +\(None, 576\) +0$/m);
    expect(text).toContain('Total params: 93,322');
    expect(text).toContain('Trainable params: 93,322');
    expect(text).toContain('Non-trainable params: 0');
    expect(text).toMatch(/^MACs: [\d,]+ per example$/m);
    expect(text).not.toContain('Connected to');
  });

  it('lists the sources of each layer when the model branches', async () => {
    const io = captureIo();
    await summaryCommand(await fromTemplate('inception-cnn'), {}, io);
    const text = io.stdout.join('\n');
    expect(text).toContain('Connected to');
    expect(text).toMatch(
      /^ concatenate_1 \(Concatenate\) .* conv2d_2, conv2d_4, conv2d_6, conv2d_7$/m,
    );
  });

  it('counts batch-norm statistics as non-trainable', async () => {
    const io = captureIo();
    await summaryCommand(await fromTemplate('resnet-cnn'), {}, io);
    // Four BatchNormalization layers over 32 channels, each with a moving mean and variance.
    expect(io.stdout).toContain(`Non-trainable params: ${4 * 2 * 32}`);
  });

  it('prints every model of a GAN, or the one chosen with --model', async () => {
    const file = await fromTemplate('dcgan');
    const all = captureIo();
    await summaryCommand(file, {}, all);
    expect(all.stdout.filter((l) => l.startsWith('Model: '))).toEqual([
      'Model: "Generator" (generator)',
      'Model: "Discriminator" (discriminator)',
    ]);
    const one = captureIo();
    expect(await summaryCommand(file, { model: 'discriminator' }, one)).toBe(0);
    expect(one.stdout.filter((l) => l.startsWith('Model: '))).toHaveLength(1);
  });

  it('names the models a project has when --model matches none', async () => {
    const io = captureIo();
    expect(await summaryCommand(await fromTemplate('dcgan'), { model: 'critic' }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/no model "critic".*generator, discriminator/);
  });
});
