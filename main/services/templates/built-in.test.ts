import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../shared/project/load.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { templates } from '../../../shared/templates/index.js';
import { builtInTemplates } from './built-in.js';

describe('built-in templates', () => {
  it('lists every template of shared/templates with its title', () => {
    const listed = builtInTemplates.list();
    expect(listed.map((t) => t.name)).toEqual(templates.map((t) => t.name));
    for (const entry of listed) expect(entry.title.length).toBeGreaterThan(0);
  });

  it('creates projects that load cleanly and are independent copies', () => {
    const name = templates[0]!.name;
    const first = builtInTemplates.create(name)!;
    const loaded = loadProject(serializeProject(first));
    expect(loaded).toMatchObject({ ok: true, repairs: [] });
    first.name = 'changed';
    expect(builtInTemplates.create(name)!.name).not.toBe('changed');
    expect(builtInTemplates.create('no-such-template')).toBeUndefined();
  });
});
