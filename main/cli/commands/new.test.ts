import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../shared/project/load.js';
import { findTemplate, templates } from '../../../shared/templates/index.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { newCommand } from './new.js';
import { templatesCommand } from './templates.js';

const inFolder = useTempFolder();

describe('strata new', () => {
  it('writes the template as a project file that loads back unchanged', async () => {
    const file = inFolder('digits.strata');
    const io = captureIo();
    expect(await newCommand(file, { template: 'mnist-cnn' }, io)).toBe(0);
    const loaded = loadProject(await readFile(file, 'utf8'));
    expect(loaded.ok && loaded.project).toEqual(findTemplate('mnist-cnn')!.project);
    expect(io.stdout.join('\n')).toContain(file);
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const file = inFolder('mine.strata');
    await writeFile(file, 'my work');
    const io = captureIo();
    expect(await newCommand(file, { template: 'mlp-mnist' }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/already exists/);
    expect(await readFile(file, 'utf8')).toBe('my work');
  });

  it('names the templates when asked for one that does not exist', async () => {
    const io = captureIo();
    expect(await newCommand(inFolder('x.strata'), { template: 'mnist-rnn' }, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/no template "mnist-rnn".*mnist-cnn/);
  });

  it('asks for the .strata extension', async () => {
    const io = captureIo();
    expect(await newCommand(inFolder('x.json'), { template: 'mnist-cnn' }, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('x.json.strata');
  });
});

describe('strata templates', () => {
  it('lists every template with its description, one per line', () => {
    const io = captureIo();
    expect(templatesCommand(io)).toBe(0);
    expect(io.stdout).toHaveLength(templates.length);
    templates.forEach((t, i) => {
      expect(io.stdout[i]).toMatch(
        new RegExp(`^${t.name} +${t.description.replace(/[.*+?()[\]]/g, '\\$&')}$`),
      );
    });
  });
});
