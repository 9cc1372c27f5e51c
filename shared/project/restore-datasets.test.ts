import { describe, expect, it } from 'vitest';
import { projectDatasetSchema } from './datasets.js';
import { fixtureFiles } from './fixtures.js';
import { formatIssue } from './issues.js';
import { loadProject } from './load.js';
import { serializeProject } from './serialize.js';

const v3 = () => JSON.parse(fixtureFiles.find((f) => f.version === 3)!.text);

describe('declared datasets in a project file', () => {
  it('loads each declaration and saves it back unchanged', () => {
    const result = loadProject(JSON.stringify(v3()));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.project.datasets?.map((d) => [d.id, d.kind])).toEqual([
      ['digits', 'idx'],
      ['houses', 'csv'],
    ]);
    const again = loadProject(serializeProject(result.project));
    expect(again.ok && again.project).toEqual(result.project);
  });

  it('drops one broken declaration, names its field, and keeps the rest', () => {
    const doc = v3();
    doc.datasets[1].options = {};
    doc.datasets.push({ ...doc.datasets[0] });
    const result = loadProject(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.project.datasets?.map((d) => d.id)).toEqual(['digits']);
    expect(result.repairs.map(formatIssue)).toEqual([
      'datasets[1].options.target: expected string, but it is missing; the dataset was dropped',
      'datasets[2].id: duplicate dataset id "digits"; the dataset was dropped',
    ]);
  });

  it('refuses ids that could not name a folder', () => {
    const doc = v3();
    doc.datasets[0].id = '../up';
    const result = loadProject(JSON.stringify(doc));
    expect(result.ok && result.repairs.map((r) => r.path)).toEqual(['datasets[0].id']);
  });

  it('describes a declared dataset by its import summary, and built-ins by the catalogue', () => {
    const result = loadProject(JSON.stringify(v3()));
    if (!result.ok) throw new Error('fixture did not load');
    const datasets = result.project.datasets;
    expect(projectDatasetSchema(datasets, 'digits')).toMatchObject({
      inputShape: [28, 28, 1],
      target: { kind: 'classes', classes: 10 },
    });
    expect(projectDatasetSchema(datasets, 'houses')).toBeUndefined();
    expect(projectDatasetSchema(datasets, 'iris')?.inputShape).toEqual([4]);
  });
});
