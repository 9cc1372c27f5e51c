import type { DownloadableId } from '../../../../shared/project/datasets.js';
import type { RemoteFile } from './fetch-verified.js';

export type { DownloadableId };

/** Default base URLs and the files (with sha256, as published by TensorFlow Datasets) of each set. */
export const remoteSets: Record<
  DownloadableId,
  { baseUrl: string; files: Record<string, string> }
> = {
  'mnist-full': {
    baseUrl: 'https://storage.googleapis.com/cvdf-datasets/mnist/',
    files: {
      'train-images-idx3-ubyte.gz':
        '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
      'train-labels-idx1-ubyte.gz':
        '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
      't10k-images-idx3-ubyte.gz':
        '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
      't10k-labels-idx1-ubyte.gz':
        'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
    },
  },
  // Zalando's release files; the sha256 sums are those TensorFlow Datasets records for them.
  'fashion-mnist': {
    baseUrl: 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
    files: {
      'train-images-idx3-ubyte.gz':
        '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
      'train-labels-idx1-ubyte.gz':
        'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
      't10k-images-idx3-ubyte.gz':
        '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
      't10k-labels-idx1-ubyte.gz':
        '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
    },
  },
  'cifar-10': {
    baseUrl: 'https://www.cs.toronto.edu/~kriz/',
    files: {
      'cifar-10-binary.tar.gz': 'c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd',
    },
  },
  'imdb-reviews': {
    baseUrl: 'https://ai.stanford.edu/~amaas/data/sentiment/',
    files: {
      'aclImdb_v1.tar.gz': 'c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe',
    },
  },
};

/** The remote files of a set, under `baseUrl` (default: the set's home) with optional checksums. */
export function remoteFiles(
  id: DownloadableId,
  baseUrl?: string,
  checksums?: Record<string, string>,
): RemoteFile[] {
  const set = remoteSets[id];
  const base = (baseUrl ?? set.baseUrl).replace(/\/?$/, '/');
  return Object.entries(set.files).map(([name, sha256]) => ({
    url: new URL(name, base).toString(),
    name,
    sha256: checksums?.[name] ?? sha256,
  }));
}
