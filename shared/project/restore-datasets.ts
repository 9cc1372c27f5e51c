import { declaredDatasetSchema, type DeclaredDataset } from './datasets.js';
import { formatPath, zodIssues, type LoadIssue } from './issues.js';

/** Keeps every valid dataset declaration and reports the rest: one bad entry does not sink the file. */
export function restoreDatasets(raw: readonly unknown[], repairs: LoadIssue[]): DeclaredDataset[] {
  const datasets: DeclaredDataset[] = [];
  raw.forEach((value, i) => {
    const parsed = declaredDatasetSchema.safeParse(value);
    if (!parsed.success) {
      repairs.push(...zodIssues(parsed.error.issues, ['datasets', i], '; the dataset was dropped'));
    } else if (datasets.some((d) => d.id === parsed.data.id)) {
      repairs.push({
        path: formatPath(['datasets', i, 'id']),
        message: `duplicate dataset id "${parsed.data.id}"; the dataset was dropped`,
      });
    } else {
      datasets.push(parsed.data);
    }
  });
  return datasets;
}
