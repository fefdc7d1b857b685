// Support vector machines: SMO on a hand-worked hard-margin case, then against scikit-learn 1.2
// (libsvm; tests/golden/gen_svm.py): support vectors, dual coefficients, intercept and decision
// values for linear, RBF and polynomial kernels, one-vs-rest on Iris; the sub-gradient primal
// reaching SMO's objective; the cross-validated grid search.
#include <catch2/catch.hpp>
#include <cmath>

#include "generated/svm_golden.h"
#include "mlplay/classify/svm.h"
#include "mlplay/core/error.h"
#include "support/repo_files.h"

using namespace mlplay::classify;

namespace {

std::vector<int8_t> golden_y() {
  std::vector<int8_t> y;
  for (int label : svm_golden::kY) y.push_back(label == 1 ? 1 : -1);
  return y;
}

mlplay::data::Dataset iris() {
  const std::string text = mlplay::testing::dataset_text("iris.csv");
  mlplay::data::TableSpec spec;
  spec.target = "species";
  return mlplay::data::load_table_text(text, spec);
}

}  // namespace

TEST_CASE("SMO: two points make a hard margin of width 2 / |w|", "[classify][svm]") {
  // (0, 0) is −1 and (2, 0) is +1: w = (1, 0), b = −1, both are support vectors with α = 1/2.
  const double x[] = {0, 0, 2, 0};
  SvmOptions options;
  options.kernel.type = KernelType::linear;
  options.C = 1000;
  options.tol = 1e-10;
  BinarySvm svm(options);
  svm.fit(x, 2, 2, {-1, 1});
  CHECK(svm.converged());
  const auto w = svm.coef();
  CHECK(w[0] == Approx(1.0));
  CHECK(w[1] == Approx(0.0).margin(1e-12));
  CHECK(svm.intercept() == Approx(-1.0));
  CHECK(svm.alpha()[0] == Approx(0.5));
  CHECK(svm.support() == std::vector<int64_t>{0, 1});
  CHECK(svm.dual_objective() == Approx(-0.5));  // −½‖w‖²
  const double q[] = {1, 5, 3, 0};
  const auto f = svm.decision_function(q, 2);
  CHECK(f[0] == Approx(0.0).margin(1e-12));
  CHECK(f[1] == Approx(2.0));
}

TEST_CASE("SVM kernels and settings are checked", "[classify][svm]") {
  const double a[] = {1, 2}, b[] = {3, 1};
  CHECK(Kernel{KernelType::linear}(a, b, 2) == Approx(5.0));
  CHECK(Kernel{KernelType::rbf, 0.5}(a, b, 2) == Approx(std::exp(-2.5)));
  CHECK(Kernel{KernelType::poly, 0.5, 1.0, 2}(a, b, 2) == Approx(12.25));
  CHECK(parse_kernel("poly") == KernelType::poly);
  CHECK_THROWS_WITH(parse_kernel("sigmoid"), Catch::Contains("linear, rbf or poly, got 'sigmoid'"));
  SvmOptions bad;
  bad.C = -1;
  CHECK_THROWS_WITH(BinarySvm(bad), Catch::Contains("C must be a number > 0, got -1"));
  SvmOptions zero_gamma;
  zero_gamma.kernel.gamma = 0;
  CHECK_THROWS_WITH(SVC(zero_gamma), Catch::Contains("gamma must be a number > 0"));
  const double x[] = {0, 1, 2};
  CHECK_THROWS_WITH(BinarySvm().fit(x, 3, 1, {1, 1, 1}), Catch::Contains("both classes"));
}

TEST_CASE("SMO matches scikit-learn's support vectors, dual coefficients, intercept and decision values", "[classify][svm][golden]") {
  using namespace svm_golden;
  const std::vector<int8_t> y = golden_y();
  for (const BinaryCase& c : kBinary) {
    INFO(c.kernel << " C " << c.C << " gamma " << c.gamma);
    SvmOptions options;
    options.kernel = {parse_kernel(c.kernel), c.gamma, c.coef0, c.degree};
    options.C = c.C;
    options.tol = 1e-8;
    BinarySvm svm(options);
    svm.fit(kX, 40, 2, y);
    REQUIRE(svm.converged());
    REQUIRE(static_cast<int>(svm.support().size()) == c.n_support);
    for (int s = 0; s < c.n_support; ++s) {
      CHECK(svm.support()[static_cast<size_t>(s)] == c.support[s]);
      CHECK(svm.dual_coef()[static_cast<size_t>(s)] == Approx(c.dual_coef[s]).margin(1e-5 * c.C));
    }
    // Both solvers stop at a KKT violation of 1e-8 in α, so f agrees to about C × 1e-6.
    const double margin = 1e-5 + 1e-6 * c.C;
    CHECK(svm.intercept() == Approx(c.intercept).margin(margin));
    const auto f = svm.decision_function(kQueries, 15);
    for (int q = 0; q < 15; ++q) CHECK(f[static_cast<size_t>(q)] == Approx(c.decision[q]).margin(margin));
  }
}

TEST_CASE("One-vs-rest RBF SVC on Iris petals matches scikit-learn's OneVsRestClassifier", "[classify][svm][golden]") {
  mlplay::data::Dataset data = iris();
  mlplay::data::Standardizer::fit(data).apply(data);
  std::vector<size_t> rows(data.rows);
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  const Samples samples = samples_of(data, rows, {2, 3});
  SvmOptions options;
  options.kernel = {KernelType::rbf, 0.5};
  options.tol = 1e-8;
  SVC model(options);
  model.fit(samples);
  REQUIRE(model.machines().size() == 3);
  const auto f = model.decision_function(samples.x.data(), samples.rows);
  for (size_t i = 0; i < f.size(); ++i) CHECK(f[i] == Approx(svm_golden::kIrisDecision[i]).margin(1e-5));
  const auto predicted = model.predict(samples);
  for (size_t i = 0; i < predicted.size(); ++i) CHECK(predicted[i] == svm_golden::kIrisPredicted[i]);
}

TEST_CASE("Sub-gradient descent on the hinge loss approaches SMO's linear solution", "[classify][svm]") {
  using namespace svm_golden;
  const std::vector<int8_t> y = golden_y();
  SvmOptions options;
  options.kernel.type = KernelType::linear;
  options.tol = 1e-8;
  BinarySvm svm(options);
  svm.fit(kX, 40, 2, y);
  const double smo = hinge_objective(kX, 40, 2, y, svm.coef(), svm.intercept(), 1.0);
  // Strong duality: the primal optimum is minus the dual minimum.
  CHECK(smo == Approx(-svm.dual_objective()).epsilon(1e-5));
  const HingeSgdResult sgd = linear_svm_subgradient(kX, 40, 2, y, {1.0, 1.0, 5000});
  CHECK(sgd.objective.size() == 5001);
  CHECK(sgd.best_objective >= smo - 1e-9);
  CHECK(sgd.best_objective == Approx(smo).epsilon(0.01));
  CHECK(sgd.w[0] == Approx(svm.coef()[0]).epsilon(0.1));
}

TEST_CASE("Grid search cross-validates every C and gamma and picks the best", "[classify][svm]") {
  const mlplay::data::Dataset data = iris();
  SvmOptions options;
  options.kernel.type = KernelType::rbf;
  GridSearch search(data, {2, 3}, options, {0.1, 1, 10}, {0.1, 1}, 5, 0, true);
  CHECK(search.cells() == 6);
  CHECK(std::isnan(search.result().mean_accuracy[0]));
  int steps = 1;
  while (search.step()) ++steps;
  CHECK(steps == 6);
  const GridSearchResult& r = search.result();
  double best = 0;
  for (double acc : r.mean_accuracy) {
    CHECK(acc > 0.3);
    CHECK(acc <= 1.0);
    best = std::max(best, acc);
  }
  CHECK(r.mean_accuracy[r.best_C * 2 + r.best_gamma] == best);
  CHECK(best > 0.93);
  CHECK_THROWS_WITH(GridSearch(data, {}, options, {1}, {-1}, 5, 0, true), Catch::Contains("every gamma must be > 0, got -1"));
}
