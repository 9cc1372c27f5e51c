import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { validateCommand } from './validate.js';

const inFolder = useTempFolder();
const mlp = (): Project => structuredClone(findTemplate('mlp-mnist')!.project);

async function validate(text: string) {
  const file = inFolder('p.strata');
  await writeFile(file, text);
  const io = captureIo();
  return { code: await validateCommand(file, io), io, file };
}

describe('strata validate', () => {
  it('passes a valid project with exit code 0', async () => {
    const { code, io } = await validate(serializeProject(mlp()));
    expect(code).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/1 model, 0 errors, 0 warnings\.$/);
  });

  it('prints each error with the node name and a hint, and exits 1', async () => {
    const project = mlp();
    const dense = project.models[0].nodes.find((n) => n.kind === 'Dense')!;
    dense.name = 'hidden';
    dense.params.units = 0;
    const { code, io } = await validate(serializeProject(project));
    expect(code).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/^error: mlp: hidden \(Dense\).*units/m);
    expect(io.stdout.join('\n')).toMatch(/^ {2}hint: /m);
  });

  it('reports a file that does not exist', async () => {
    const io = captureIo();
    const file = inFolder('missing.strata');
    expect(await validateCommand(file, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`cannot open ${file}`);
  });

  it('names the JSON path of a malformed field', async () => {
    const doc = JSON.parse(serializeProject(mlp()));
    doc.recipe.epochs = 'ten';
    const { code, io } = await validate(JSON.stringify(doc));
    expect(code).toBe(1);
    expect(io.stderr).toContain('  recipe.epochs: expected number, received string');
  });

  it('warns about a dropped node and validates the rest', async () => {
    const doc = JSON.parse(serializeProject(mlp()));
    doc.models[0].nodes.push({ id: 'stray', kind: 'Dense' });
    const { code, io } = await validate(JSON.stringify(doc));
    expect(code).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/^warning: models\[0\]\.nodes\[\d+\]\.params: .*dropped/m);
  });
});
