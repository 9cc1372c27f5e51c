import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.js';

describe('the layer catalogue', () => {
  it.each(Object.entries(catalogue))(
    '%s is keyed by its kind, documented, and defaults every parameter',
    (key, definition) => {
      expect(definition.kind).toBe(key);
      expect(definition.docs).toMatch(/^[^\n]+\.$/);
      expect(definition.params.safeParse({}).success).toBe(true);
      for (const [name, schema] of Object.entries(definition.params.shape)) {
        expect((schema as { description?: string }).description, name).toBeTruthy();
      }
    },
  );
});
