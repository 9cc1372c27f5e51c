import { templates } from '../../../shared/templates/index.js';
import type { TemplateSource } from './template-source.js';

/** The built-in example projects of shared/templates. */
export const builtInTemplates: TemplateSource = {
  list: () =>
    templates.map((t) => ({ name: t.name, title: t.project.name, description: t.description })),
  create: (name) => {
    const found = templates.find((t) => t.name === name);
    // A copy, so editing one new project never changes the next one made from the template.
    return found && structuredClone(found.project);
  },
};
