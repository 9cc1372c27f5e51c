import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetIssue, DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';
import { decodeImage } from './image-decode.js';
import { describe, fileIssue } from './read-file.js';
import { resizeBilinear } from './resize.js';

/** A folder with one sub-folder of PNG/JPEG images per class, resized to one size. */
export interface ImageFolderImportSpec {
  kind: 'image-folder';
  folder: string;
  height: number;
  width: number;
  color: 'grayscale' | 'rgb';
  name?: string;
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** The largest side images are resized to: a dataset holds every image at this size in memory. */
export const MAX_IMPORT_SIDE = 4096;

/** Why the requested size cannot be used, or undefined when it can. */
function sizeProblem(spec: ImageFolderImportSpec): string | undefined {
  for (const side of ['height', 'width'] as const) {
    const value = spec[side];
    if (!Number.isInteger(value) || value < 1 || value > MAX_IMPORT_SIDE) {
      return `the image ${side} must be a whole number of pixels from 1 to ${MAX_IMPORT_SIDE}, not ${String(value)}; choose the size the images are resized to`;
    }
  }
  return undefined;
}

/** Imports labelled images; unreadable images are skipped with a warning naming the file. */
export async function importImageFolder(
  spec: ImageFolderImportSpec,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const { folder, height, width } = spec;
  const channels = spec.color === 'rgb' ? 3 : 1;
  const badSize = sizeProblem(spec);
  if (badSize) return { ok: false, errors: [fileIssue(folder, badSize)] };
  let classNames: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    classNames = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    return {
      ok: false,
      errors: [fileIssue(folder, `cannot read the folder (${describe(error)})`)],
    };
  }
  if (classNames.length < 2) {
    return {
      ok: false,
      errors: [
        fileIssue(
          folder,
          `needs one sub-folder per class (at least two), found ${classNames.length}`,
        ),
      ],
    };
  }
  const files: { path: string; label: number }[] = [];
  const warnings: DatasetIssue[] = [];
  for (const [label, name] of classNames.entries()) {
    const names = (await readdir(join(folder, name))).sort();
    for (const file of names) {
      const path = join(folder, name, file);
      if (IMAGE_EXTENSIONS.has(extname(file).toLowerCase())) files.push({ path, label });
      else
        warnings.push({
          severity: 'warning',
          message: `${file} is not a PNG or JPEG file; skipped`,
          location: { file: path },
        });
    }
  }
  const size = height * width * channels;
  const pixels = new Uint8Array(files.length * size);
  const labels = new Int32Array(files.length);
  let count = 0;
  for (const { path, label } of files) {
    const image = decodeImage(await readFile(path), path);
    if (image instanceof Error) {
      warnings.push({
        severity: 'warning',
        message: `${image.message}; skipped`,
        location: { file: path },
      });
      continue;
    }
    resizeBilinear(image, height, width, channels, pixels, count * size);
    labels[count++] = label;
  }
  if (count === 0)
    return { ok: false, errors: [fileIssue(folder, 'no readable images'), ...warnings] };
  const schema: DatasetSchema = {
    id: `imported:${spec.name ?? folder}`,
    label: spec.name ?? 'Imported images',
    docs: `${count} images from ${folder}, ${height}×${width} ${spec.color}.`,
    inputShape: [height, width, channels],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: classNames.length, names: classNames },
    source: 'imported',
  };
  const source = tableSource(pixels.subarray(0, count * size), size, {
    kind: 'classes',
    labels: labels.subarray(0, count),
  });
  return { ok: true, dataset: createDataset(schema, source, options), warnings };
}
