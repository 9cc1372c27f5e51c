import type { DatasetIssue } from '../dataset.js';
import type { IdxArray } from './idx.js';
import { fileIssue } from './read-file.js';

/** Images and labels from an IDX pair, checked against each other. */
export interface ImageTable {
  /** [height, width, channels] */
  shape: [number, number, number];
  pixels: Uint8Array | Float32Array;
  labels: Int32Array;
  classes: number;
}

/** Checks an images file ([n, h, w] or [n, h, w, c]) against its labels file ([n]). */
export function pairImagesWithLabels(
  images: IdxArray,
  labels: IdxArray,
  files: { images: string; labels: string },
): ImageTable | DatasetIssue {
  if (images.dims.length !== 3 && images.dims.length !== 4) {
    return fileIssue(
      files.images,
      `images must have 3 or 4 dimensions, found ${images.dims.join('×')}`,
    );
  }
  if (labels.dims.length !== 1) {
    return fileIssue(files.labels, `labels must have 1 dimension, found ${labels.dims.join('×')}`);
  }
  if (images.dims[0] !== labels.dims[0]) {
    return fileIssue(
      files.labels,
      `${labels.dims[0]} labels for ${images.dims[0]} images in ${files.images}`,
    );
  }
  const [count, height, width, channels = 1] = images.dims;
  if (count === 0) {
    return fileIssue(
      files.images,
      'holds no images (its first dimension is 0); export the images again or pick another file',
    );
  }
  if (height === 0 || width === 0 || channels === 0) {
    return fileIssue(
      files.images,
      `declares empty images of ${images.dims.slice(1).join('×')}; each image needs at least one pixel`,
    );
  }
  const out = new Int32Array(labels.data.length);
  for (let i = 0; i < out.length; i++) {
    const label = labels.data[i];
    if (!Number.isInteger(label) || label < 0) {
      return fileIssue(
        files.labels,
        `label ${label} of item ${i} is not a class index; labels must be whole numbers from 0`,
      );
    }
    out[i] = label;
  }
  const classes = out.reduce((a, b) => Math.max(a, b), -1) + 1;
  const pixels = images.data instanceof Uint8Array ? images.data : Float32Array.from(images.data);
  return { shape: [height, width, channels], pixels, labels: out, classes };
}
