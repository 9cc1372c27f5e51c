import { basename, extname } from 'node:path';
import {
  DOWNLOADABLE_IDS,
  declaredDatasetSchema,
  type DeclaredDataset,
} from '../../../shared/project/datasets.js';
import { formatIssue, zodIssues } from '../../../shared/project/issues.js';
import { projectRelative } from '../../services/datasets/declared/project-data.js';

/** The flags of `strata data add`, as commander parses them. */
export interface DataAddOptions {
  idx?: string[];
  csv?: string;
  images?: string;
  text?: string;
  download?: string;
  test?: string[];
  target?: string;
  features?: string;
  targetKind?: 'classes' | 'values';
  size?: string;
  color?: 'grayscale' | 'rgb';
  tokens?: 'character' | 'word';
  window?: number;
  classNames?: string;
  id?: string;
  name?: string;
  replace?: boolean;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** An id from a file name: `train-images-idx3-ubyte.gz` → `train-images-idx3-ubyte`. */
function idFrom(path: string): string {
  const name = basename(path).replace(/\.gz$/, '');
  const stem = basename(name, extname(name)) || 'data';
  return stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'data';
}

/** The declaration the flags describe, with paths relative to the project file; or a usage error. */
export function declarationFromFlags(
  project: string,
  flags: DataAddOptions,
): { ok: true; declared: DeclaredDataset } | { ok: false; error: string } {
  const kinds = (['idx', 'csv', 'images', 'text', 'download'] as const).filter(
    (k) => flags[k] !== undefined,
  );
  if (kinds.length !== 1) {
    return {
      ok: false,
      error:
        'give exactly one of --idx <images> <labels>, --csv <file>, --images <folder>, --text <file>, --download <name>',
    };
  }
  const at = (path: string) => projectRelative(project, path);
  const test = flags.test;
  const common = { ...(flags.name ? { name: flags.name } : {}) };
  let raw: Record<string, unknown>;
  switch (kinds[0]) {
    case 'idx': {
      const files = flags.idx ?? [];
      if (files.length !== 2)
        return { ok: false, error: '--idx takes two files: <images> <labels>' };
      if (test && test.length !== 2) {
        return { ok: false, error: '--test takes two files for IDX data: <images> <labels>' };
      }
      raw = {
        id: flags.id ?? idFrom(files[0]),
        kind: 'idx',
        files: { images: at(files[0]), labels: at(files[1]) },
        ...(test ? { test: { images: at(test[0]), labels: at(test[1]) } } : {}),
        options: { ...(flags.classNames ? { classNames: list(flags.classNames) } : {}) },
      };
      break;
    }
    case 'csv': {
      if (!flags.target) return { ok: false, error: '--csv needs --target <column>' };
      if (test && test.length !== 1) return { ok: false, error: '--test takes one CSV file' };
      raw = {
        id: flags.id ?? idFrom(flags.csv as string),
        kind: 'csv',
        files: { file: at(flags.csv as string) },
        ...(test ? { test: { file: at(test[0]) } } : {}),
        options: {
          target: flags.target,
          ...(flags.features ? { features: list(flags.features) } : {}),
          ...(flags.targetKind ? { targetKind: flags.targetKind } : {}),
        },
      };
      break;
    }
    case 'images': {
      const size = /^(\d+)x(\d+)$/.exec(flags.size ?? '32x32');
      if (!size) return { ok: false, error: '--size takes <height>x<width>, such as 32x32' };
      if (test && test.length !== 1)
        return { ok: false, error: '--test takes one folder of images' };
      raw = {
        id: flags.id ?? idFrom(flags.images as string),
        kind: 'image-folder',
        files: { folder: at(flags.images as string) },
        ...(test ? { test: { folder: at(test[0]) } } : {}),
        options: { height: Number(size[1]), width: Number(size[2]), color: flags.color ?? 'rgb' },
      };
      break;
    }
    case 'text':
      if (test) return { ok: false, error: 'a text dataset has no --test file' };
      raw = {
        id: flags.id ?? idFrom(flags.text as string),
        kind: 'text',
        files: { file: at(flags.text as string) },
        options: { tokens: flags.tokens ?? 'character', window: flags.window ?? 64 },
      };
      break;
    case 'download': {
      const set = flags.download as string;
      if (!(DOWNLOADABLE_IDS as readonly string[]).includes(set)) {
        return {
          ok: false,
          error: `no downloadable set "${set}" (known: ${DOWNLOADABLE_IDS.join(', ')})`,
        };
      }
      raw = { id: flags.id ?? set, kind: 'download', files: {}, options: { set } };
      break;
    }
  }
  const parsed = declaredDatasetSchema.safeParse({ ...common, ...raw });
  if (!parsed.success) {
    return { ok: false, error: zodIssues(parsed.error.issues).map(formatIssue).join('; ') };
  }
  return { ok: true, declared: parsed.data };
}
