import { builtInDatasets, type DatasetSchema } from '../../shared/datasets/catalogue.js';
import {
  declaredDatasetSchema,
  declaredSchema,
  type DeclaredDataset,
} from '../../shared/project/datasets.js';
import type { ProjectDoc } from '../document/project.js';

/**
 * The datasets a document declares. They ride in the document's `rest` (the editor keeps fields
 * it does not edit as loaded); main validated them when the file was opened.
 */
export function docDatasets(doc: ProjectDoc): DeclaredDataset[] {
  const raw = doc.rest.datasets;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((value) => {
    const parsed = declaredDatasetSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Every dataset the recipe may name: the declared ones (that were opened), then the built-ins. */
export function trainableDatasets(doc: ProjectDoc): DatasetSchema[] {
  const declared = docDatasets(doc).flatMap((d) => {
    const schema = declaredSchema(d);
    return schema ? [schema] : [];
  });
  return [...declared, ...builtInDatasets];
}

/** The document with `dataset` declared (replacing one of the same id) and, if asked, trained on. */
export function withDataset(doc: ProjectDoc, dataset: DeclaredDataset, train: boolean): ProjectDoc {
  const others = docDatasets(doc).filter((d) => d.id !== dataset.id);
  const recipe = train && doc.recipe ? { ...doc.recipe, dataset: dataset.id } : doc.recipe;
  return { ...doc, recipe, rest: { ...doc.rest, datasets: [...others, dataset] } };
}

/** The document without the dataset `id`. */
export function withoutDataset(doc: ProjectDoc, id: string): ProjectDoc {
  return { ...doc, rest: { ...doc.rest, datasets: docDatasets(doc).filter((d) => d.id !== id) } };
}
