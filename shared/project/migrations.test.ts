import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixtures.js';
import { migrate, migrations, type RawDocument } from './migrations.js';
import { CURRENT_FORMAT_VERSION } from './schema.js';

describe('migration registry', () => {
  it('has exactly one up-step for every version below the current one', () => {
    const from = migrations.map((m) => m.from);
    const expected = Array.from({ length: CURRENT_FORMAT_VERSION - 1 }, (_, i) => i + 1);
    expect(from).toEqual(expected);
  });

  it('runs every step at least once over the fixture files', () => {
    const ran = new Set<number>();
    for (const fixture of fixtureFiles) {
      const doc = JSON.parse(fixture.text) as RawDocument;
      const { applied } = migrate(doc, fixture.version, CURRENT_FORMAT_VERSION);
      applied.forEach((v) => ran.add(v));
    }
    for (const step of migrations) expect(ran, `step from v${step.from}`).toContain(step.from);
  });

  it('stamps each step with the version it produced and applies steps in order', () => {
    const { doc, applied } = migrate({ formatVersion: 1, name: 'x' }, 1, CURRENT_FORMAT_VERSION);
    expect(doc.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(applied).toEqual(migrations.map((m) => m.from));
  });

  it('does nothing to a current document', () => {
    const doc = { formatVersion: CURRENT_FORMAT_VERSION, name: 'x' };
    expect(migrate(doc, CURRENT_FORMAT_VERSION, CURRENT_FORMAT_VERSION)).toEqual({
      doc,
      applied: [],
    });
  });
});
