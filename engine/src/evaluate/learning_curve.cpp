#include "mlplay/evaluate/learning_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "mlplay/classify/samples.h"
#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/evaluate/cross_validation.h"

namespace mlplay::evaluate {

std::vector<size_t> interleaved_order(const data::Dataset& data, const std::vector<size_t>& rows, uint64_t seed) {
  const size_t k = data.num_classes();
  std::vector<std::vector<size_t>> by_class(k);
  for (size_t r : rows) by_class[static_cast<size_t>(data.labels[r])].push_back(r);
  Generator gen(seed);
  // Each row's key: (rank within its shuffled class + ½) / class size; sorting by it deals the
  // classes out in proportion. Ties (equal keys) keep class order.
  std::vector<std::pair<double, size_t>> keyed;
  for (auto& members : by_class) {
    for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[gen.randint(static_cast<uint32_t>(i))]);  // Fisher–Yates
    for (size_t i = 0; i < members.size(); ++i) keyed.emplace_back((static_cast<double>(i) + 0.5) / static_cast<double>(members.size()), members[i]);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> order;
  order.reserve(keyed.size());
  for (const auto& [key, r] : keyed) order.push_back(r);
  return order;
}

LearningCurveRun::LearningCurveRun(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds, int points,
                                   uint64_t seed, bool standardize)
    : data_(data), model_(model), standardize_(standardize) {
  check(data.target_kind == data::TargetKind::classes, "learning_curve: the target '", data.target_name, "' must be classes");
  check(folds.size() >= 2, "learning_curve: need at least 2 folds, got ", folds.size());
  check(points >= 2 && points <= 50, "learning_curve: points must be from 2 to 50, got ", points);
  check_options(model);
  const size_t k = data.num_classes();
  size_t smallest = std::numeric_limits<size_t>::max(), needed = std::max<size_t>(2 * k, 5);
  if (model.kind == ModelKind::knn) needed = std::max(needed, static_cast<size_t>(model.k));
  for (size_t f = 0; f < folds.size(); ++f) {
    data::Split split{interleaved_order(data, folds[f].train, stream_key(seed, f)), folds[f].test};
    // The shortest prefix holding every class.
    std::vector<bool> seen(k, false);
    size_t missing = k, prefix = 0;
    for (; prefix < split.train.size() && missing > 0; ++prefix) {
      const auto c = static_cast<size_t>(data.labels[split.train[prefix]]);
      if (!seen[c]) seen[c] = true, --missing;
    }
    check(missing == 0, "learning_curve: fold ", f + 1, " has no training rows of some class; use stratified folds");
    needed = std::max(needed, prefix);
    smallest = std::min(smallest, split.train.size());
    folds_.push_back(std::move(split));
  }
  check(needed <= smallest, "learning_curve: the smallest training fold has ", smallest, " rows but the model needs at least ", needed);
  for (int p = 0; p < points; ++p) {
    const double t = static_cast<double>(p) / (points - 1);
    const auto n = static_cast<size_t>(std::llround(static_cast<double>(needed) + t * static_cast<double>(smallest - needed)));
    if (curve_.sizes.empty() || n > curve_.sizes.back()) curve_.sizes.push_back(n);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (auto* v : {&curve_.train_mean, &curve_.train_sd, &curve_.validation_mean, &curve_.validation_sd}) v->assign(curve_.sizes.size(), nan);
}

bool LearningCurveRun::step() {
  if (done_ >= curve_.sizes.size()) return false;
  const size_t n = curve_.sizes[done_];
  std::vector<double> train_scores, validation_scores;
  for (const data::Split& split : folds_) {
    const std::vector<size_t> rows(split.train.begin(), split.train.begin() + static_cast<std::ptrdiff_t>(n));
    data::Standardizer scaler;
    if (standardize_) scaler = data::Standardizer::fit(data_, rows);
    const classify::Samples train = fold_samples(data_, rows, standardize_ ? &scaler : nullptr);
    const classify::Samples test = fold_samples(data_, split.test, standardize_ ? &scaler : nullptr);
    std::unique_ptr<Classifier> model = make_classifier(model_);
    model->fit(train);
    const std::vector<int> train_pred = model->predict(train.x.data(), train.rows);
    const std::vector<int> test_pred = model->predict(test.x.data(), test.rows);
    train_scores.push_back(classify::accuracy(std::vector<int32_t>(train_pred.begin(), train_pred.end()), train.labels));
    validation_scores.push_back(classify::accuracy(std::vector<int32_t>(test_pred.begin(), test_pred.end()), test.labels));
  }
  const auto stats = [](const std::vector<double>& v, double& mean, double& sd) {
    double sum = 0, square = 0;
    for (double x : v) sum += x;
    mean = sum / static_cast<double>(v.size());
    for (double x : v) square += (x - mean) * (x - mean);
    sd = std::sqrt(square / static_cast<double>(v.size()));
  };
  stats(train_scores, curve_.train_mean[done_], curve_.train_sd[done_]);
  stats(validation_scores, curve_.validation_mean[done_], curve_.validation_sd[done_]);
  ++done_;
  return true;
}

LearningCurve learning_curve(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds, int points,
                             uint64_t seed, bool standardize) {
  LearningCurveRun run(data, model, folds, points, seed, standardize);
  while (run.step()) {
  }
  return run.result();
}

}  // namespace mlplay::evaluate
