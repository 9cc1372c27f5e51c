import type { Project } from '../../../shared/project/schema.js';

/** A template as the start screen lists it. */
export interface TemplateSummary {
  name: string;
  title: string;
  description: string;
}

/** Where new projects come from: the built-in examples, or a fixed list in tests. */
export interface TemplateSource {
  list(): TemplateSummary[];
  /** A fresh project from the named template, or undefined if there is no such template. */
  create(name: string): Project | undefined;
}
