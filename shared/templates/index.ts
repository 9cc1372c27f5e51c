import { generativeTemplates } from './generative.js';
import { sequenceTemplates } from './sequences.js';
import type { Template } from './template.js';
import { visionTemplates } from './vision.js';

export type { Template } from './template.js';

/** Every built-in template, in the order the start screen and `strata templates` list them. */
export const templates: readonly Template[] = [
  ...visionTemplates,
  ...sequenceTemplates,
  ...generativeTemplates,
].map((build) => build());

/** The template called `name`, or undefined. */
export function findTemplate(name: string): Template | undefined {
  return templates.find((t) => t.name === name);
}
