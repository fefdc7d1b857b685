// The data sets bundled with the model-evaluation page: where each CSV lives under the site root,
// which column is the class to predict, which columns are left out, and the credit line shown under
// the controls. "own" is the learner's CSV, which has none of these until it is pasted.

export type Source = 'iris' | 'wine' | 'cancer' | 'titanic' | 'own';

export interface BundledDataSet {
  url: string;
  target: string;
  drop: string[];
  credit: string;
}

export const DATA_SETS: Record<Exclude<Source, 'own'>, BundledDataSet> = {
  iris: { url: 'data/sklearn/iris.csv', target: 'species', drop: [], credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.' },
  wine: { url: 'data/sklearn/wine.csv', target: 'cultivar', drop: [], credit: 'Data: Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.' },
  cancer: {
    url: 'data/sklearn/breast-cancer.csv',
    target: 'diagnosis',
    drop: [],
    credit: 'Data: Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street & Mangasarian; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  titanic: {
    url: 'data/titanic/titanic.csv',
    target: 'survived',
    drop: ['country'],
    credit: 'Data: Titanic passengers and crew (2207 people; facts from Encyclopedia Titanica), from Debian r-cran-stablelearner 0.1-4 (GPL-2+). The country column is left out; empty ages and fares are filled with the median.',
  },
};
