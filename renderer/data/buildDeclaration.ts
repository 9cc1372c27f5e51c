import {
  declaredDatasetSchema,
  type DeclaredDataset,
  type DownloadableId,
} from '../../shared/project/datasets.js';
import { formatIssue, zodIssues } from '../../shared/project/issues.js';

/** What the Add data form holds; only the fields of the chosen kind are used. */
export interface DataForm {
  kind: DeclaredDataset['kind'];
  id: string;
  images: string;
  labels: string;
  testImages: string;
  testLabels: string;
  file: string;
  testFile: string;
  target: string;
  features: string[];
  folder: string;
  testFolder: string;
  height: number;
  width: number;
  color: 'grayscale' | 'rgb';
  tokens: 'character' | 'word';
  window: number;
  set: DownloadableId;
}

export const emptyForm: DataForm = {
  kind: 'idx',
  id: '',
  images: '',
  labels: '',
  testImages: '',
  testLabels: '',
  file: '',
  testFile: '',
  target: '',
  features: [],
  folder: '',
  testFolder: '',
  height: 32,
  width: 32,
  color: 'rgb',
  tokens: 'character',
  window: 64,
  set: 'fashion-mnist',
};

/** The declaration the form describes, or what is missing in plain words. */
export function buildDeclaration(
  form: DataForm,
): { ok: true; declared: DeclaredDataset } | { ok: false; error: string } {
  const id = form.id.trim() || (form.kind === 'download' ? form.set : '');
  const both = (a: string, b: string) => (a && b ? true : !a && !b);
  let raw: Record<string, unknown>;
  switch (form.kind) {
    case 'idx':
      if (!both(form.testImages, form.testLabels)) {
        return { ok: false, error: 'Give both test files (images and labels), or neither.' };
      }
      raw = {
        files: { images: form.images, labels: form.labels },
        ...(form.testImages ? { test: { images: form.testImages, labels: form.testLabels } } : {}),
        options: {},
      };
      break;
    case 'csv':
      raw = {
        files: { file: form.file },
        ...(form.testFile ? { test: { file: form.testFile } } : {}),
        options: {
          target: form.target,
          ...(form.features.length > 0 ? { features: form.features } : {}),
        },
      };
      break;
    case 'image-folder':
      raw = {
        files: { folder: form.folder },
        ...(form.testFolder ? { test: { folder: form.testFolder } } : {}),
        options: { height: form.height, width: form.width, color: form.color },
      };
      break;
    case 'text':
      raw = { files: { file: form.file }, options: { tokens: form.tokens, window: form.window } };
      break;
    case 'download':
      raw = { files: {}, options: { set: form.set } };
      break;
  }
  const parsed = declaredDatasetSchema.safeParse({ id, kind: form.kind, ...raw });
  if (!parsed.success) {
    const named = zodIssues(parsed.error.issues).map((issue) =>
      formatIssue({ ...issue, path: issue.path.replace(/^files\./, '').replace(/^options\./, '') }),
    );
    return { ok: false, error: `Fill in: ${named.join('; ')}` };
  }
  return { ok: true, declared: parsed.data };
}
