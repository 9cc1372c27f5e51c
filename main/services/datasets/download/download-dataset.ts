import { downloadableDatasets } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import type { SplitOptions } from '../splits.js';
import { openCifar10 } from './cifar-10.js';
import { fetchVerified, type DownloadProgress } from './fetch-verified.js';
import { openImdbReviews } from './imdb-reviews.js';
import { openMnistFull } from './mnist-full.js';
import { remoteFiles, type DownloadableId } from './remote-files.js';

/** A well-known set to fetch (once) into a cache folder and open. @public */
export interface DownloadSpec {
  kind: 'download';
  id: DownloadableId;
  cacheDir: string;
  /** Where the files are served from; default the set's home. Tests point it at a local server. */
  baseUrl?: string;
  /** Replaces published sha256 checksums, by file name (for mirrors and tests). */
  checksums?: Record<string, string>;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

/** Downloads (unless cached), verifies and opens a well-known dataset. */
export async function downloadDataset(
  spec: DownloadSpec,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const schema = downloadableDatasets.find((d) => d.id === spec.id);
  if (!schema) {
    return {
      ok: false,
      errors: [{ severity: 'error', message: `no downloadable dataset "${spec.id}"` }],
    };
  }
  const paths: Record<string, string> = {};
  for (const remote of remoteFiles(spec.id, spec.baseUrl, spec.checksums)) {
    const fetched = await fetchVerified(remote, spec.cacheDir, spec.onProgress, spec.signal);
    if (!fetched.ok) return { ok: false, errors: [fetched.issue] };
    paths[remote.name] = fetched.path;
  }
  switch (spec.id) {
    case 'mnist-full':
    case 'fashion-mnist':
      return openMnistFull(schema, paths, options);
    case 'cifar-10':
      return openCifar10(schema, paths['cifar-10-binary.tar.gz'], options);
    case 'imdb-reviews':
      return openImdbReviews(schema, paths['aclImdb_v1.tar.gz'], 10_000, options);
  }
}
