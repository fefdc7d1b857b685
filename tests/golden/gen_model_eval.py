#!/usr/bin/python3
"""Writes tests/unit/generated/model_eval_golden.h: cross-validation scores computed by scikit-learn
(Debian's python3-sklearn 1.2) for tests/unit/evaluate/cross_validation_golden_test.cpp.

    apt-get install -y python3-sklearn
    /usr/bin/python3 tests/golden/gen_model_eval.py      # from the repository root (needs datasets/)

The folds are given, not drawn: row i is held out by fold i % 5 (PredefinedSplit), so the engine's
cross_validate can be run on exactly the same folds. Each fold standardizes with its training rows
(Pipeline(StandardScaler, model)), as the engine does. For every case: per-fold accuracy, macro
precision / recall / F1 (labels = all classes), ROC AUC (binary, or one-vs-rest macro) and log loss
(cross_validate's scorers), and the out-of-fold probabilities (cross_val_predict), their confusion
matrix, and for two classes the ROC AUC, average precision and calibration curve of the positive
class. Log loss clips probabilities to [1e-15, 1 − 1e-15] as metrics.h documents (sklearn 1.2's
default eps='auto' clips at 2.2e-16 instead, which matters only for a probability of exactly 0). The models:
- GaussianNB(var_smoothing=1e-9): closed form, so the engine must agree to rounding;
- KNeighborsClassifier(5, brute force): the same votes;
- LogisticRegression(C = 1 / (n_train λ), newton-cg): the optimum the engine's gradient descent
  approaches (it minimizes mean cross-entropy + (λ/2)‖W‖²; see gen_logistic.py).
"""
import csv
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score, log_loss, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import PredefinedSplit, cross_val_predict
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'tests', 'unit', 'generated', 'model_eval_golden.h')
FOLDS = 5
LOGREG_L2 = 0.05
CASES = [
    # (C++ name, file, target, model)
    ('kIrisGnb', 'iris.csv', 'species', 'gnb'),
    ('kWineGnb', 'wine.csv', 'cultivar', 'gnb'),
    ('kCancerGnb', 'breast-cancer.csv', 'diagnosis', 'gnb'),
    ('kWineKnn', 'wine.csv', 'cultivar', 'knn'),
    ('kCancerKnn', 'breast-cancer.csv', 'diagnosis', 'knn'),
    ('kIrisLogreg', 'iris.csv', 'species', 'logreg'),
    ('kCancerLogreg', 'breast-cancer.csv', 'diagnosis', 'logreg'),
]


def table(name, target):
    """Numeric features and class indices (classes sorted by name, as engine/data/table.h does)."""
    with open(os.path.join(ROOT, 'datasets', name)) as f:
        rows = list(csv.DictReader(f))
    features = [c for c in rows[0].keys() if c != target]
    x = np.array([[float(r[c]) for c in features] for r in rows])
    names = sorted(set(r[target] for r in rows))
    y = np.array([names.index(r[target]) for r in rows])
    return x, y


def model_of(kind, n_train):
    if kind == 'gnb':
        return GaussianNB(var_smoothing=1e-9)
    if kind == 'knn':
        return KNeighborsClassifier(n_neighbors=5, algorithm='brute')
    return LogisticRegression(C=1.0 / (n_train * LOGREG_L2), solver='newton-cg', tol=1e-12, max_iter=10000)


def doubles(values):
    return '{' + ', '.join(repr(float(v)) for v in np.ravel(values)) + '}'


def ints(values):
    return '{' + ', '.join(str(int(v)) for v in np.ravel(values)) + '}'


def case(name, file, target, kind):
    x, y = table(file, target)
    k = int(y.max()) + 1
    fold = np.arange(len(y)) % FOLDS
    labels = list(range(k))
    per_fold = []
    oof = np.zeros((len(y), k))
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        model = make_pipeline(StandardScaler(), model_of(kind, int(train.sum())))
        model.fit(x[train], y[train])
        p = model.predict_proba(x[test])
        oof[test] = p
        pred = p.argmax(axis=1)
        auc = roc_auc_score(y[test], p[:, 1]) if k == 2 else roc_auc_score(y[test], p, multi_class='ovr', average='macro')
        per_fold.append([accuracy_score(y[test], pred),
                         precision_score(y[test], pred, labels=labels, average='macro', zero_division=0),
                         recall_score(y[test], pred, labels=labels, average='macro', zero_division=0),
                         f1_score(y[test], pred, labels=labels, average='macro', zero_division=0),
                         auc, log_loss(y[test], p, labels=labels, eps=1e-15)])
    # cross_val_predict with the same folds gives the same out-of-fold probabilities.
    check = cross_val_predict(make_pipeline(StandardScaler(), model_of(kind, len(y) - len(y) // FOLDS)), x, y,
                              cv=PredefinedSplit(fold), method='predict_proba') if kind != 'logreg' else oof
    assert np.allclose(check, oof)
    cm = confusion_matrix(y, oof.argmax(axis=1), labels=labels)
    out = [f'inline const Case {name} = {{"{file}", "{target}", "{kind}", {k},\n',
           f'  {doubles(per_fold)},\n  {doubles(oof)},\n  {ints(cm)},\n']
    if k == 2:
        prob_true, prob_pred = calibration_curve(y, oof[:, 1], n_bins=10, strategy='uniform')
        out.append(f'  {roc_auc_score(y, oof[:, 1])!r}, {average_precision_score(y, oof[:, 1])!r},\n')
        out.append(f'  {doubles(prob_pred)},\n  {doubles(prob_true)}}};\n')
    else:
        out.append('  0, 0, {}, {}};\n')
    return ''.join(out)


def main():
    # newton-cg reports it cannot reach tol=1e-12 when rounding errors stop it: that is the optimum.
    warnings.filterwarnings('ignore')
    out = [f'// Generated by tests/golden/gen_model_eval.py with scikit-learn {sklearn.__version__}. Do not edit.\n',
           '#pragma once\n#include <vector>\n\nnamespace model_eval_golden {\n\n',
           f'inline constexpr int kFolds = {FOLDS};\ninline constexpr double kLogregL2 = {LOGREG_L2!r};\n\n',
           'struct Case {\n  const char* file;\n  const char* target;\n  const char* model;\n  int classes;\n',
           '  /// folds × {accuracy, precision, recall, f1, roc_auc, log_loss}\n  std::vector<double> per_fold;\n',
           '  /// rows × classes, out of fold\n  std::vector<double> oof_proba;\n  std::vector<int> confusion;\n',
           '  /// two classes: of the out-of-fold probability of class 1\n  double roc_auc, average_precision;\n',
           '  std::vector<double> calibration_predicted, calibration_true;\n};\n\n']
    for name, file, target, kind in CASES:
        out.append(case(name, file, target, kind))
    out.append('\n}  // namespace model_eval_golden\n')
    with open(OUT, 'w') as f:
        f.write(''.join(out))
    print(f'wrote {OUT}')


if __name__ == '__main__':
    main()
