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

  it('prints names holding terminal escape codes as text', async () => {
    const project = mlp();
    const dense = project.models[0].nodes.find((n) => n.kind === 'Dense')!;
    dense.name = '\x1b]0;owned\x07\x1b[2Jhidden';
    dense.params.units = 0;
    const { io } = await validate(serializeProject(project));
    const text = io.text();
    const controls = [...text].filter((c) => c < ' ' && c !== '\n');
    expect(controls).toEqual([]);
    expect(text).toContain('error: mlp: \\x1b]0;owned\\x07\\x1b[2Jhidden (Dense)');
  });

  it('reports a loop through 30,000 layers in one line', async () => {
    const project = mlp();
    const model = project.models[0];
    const [input] = model.nodes;
    const ring = Array.from({ length: 30_000 }, (_, i) => ({
      id: `r${i}`,
      kind: i === 0 ? 'Add' : 'Dense',
      params: i === 0 ? {} : { units: 4 },
      position: { x: 0, y: i },
    }));
    model.nodes = [input, ...ring];
    model.edges = [
      { id: 'in', source: input.id, target: 'r0', targetPort: 0 },
      { id: 'back', source: 'r29999', target: 'r0', targetPort: 1 },
      ...ring
        .slice(1)
        .map((n, i) => ({ id: `e${i}`, source: ring[i].id, target: n.id, targetPort: 0 })),
    ];
    const { code, io } = await validate(serializeProject(project));
    expect(code).toBe(1);
    const loops = io.stdout.filter((line) => line.startsWith('error') && line.includes('loop'));
    expect(loops).toEqual([
      expect.stringMatching(
        /^error: mlp: r0 \(Add\): 30,000 layers form a loop: Add → .* \(29,991 more\)\./,
      ),
    ]);
    expect(io.text().length).toBeLessThan(5_000);
  }, 60_000);

  it('lists the first 100 problems of a model and counts the rest', async () => {
    const project = mlp();
    const mystery = Array.from({ length: 5_000 }, (_, i) => ({
      id: `m${i}`,
      kind: 'Mystery',
      params: {},
      position: { x: 0, y: i },
    }));
    project.models[0].nodes.push(...mystery);
    const { code, io } = await validate(serializeProject(project));
    expect(code).toBe(1);
    expect(io.stdout.filter((line) => line.startsWith('error: '))).toHaveLength(100);
    // Each unknown node is also unused: 10,000 problems, 100 of them listed.
    expect(io.stdout.at(-2)).toBe('… and 9,900 more problems in model mlp, not listed.');
    expect(io.stdout.at(-1)).toMatch(/1 model, 5,000 errors, 5,000 warnings\.$/);
  }, 60_000);

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
