// PCA on known data: a line, Iris (the classic eigenvalues), MNIST against Eigen, reconstruction, SVD.
#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/data/csv.h"
#include "mlplay/data/idx.h"
#include "mlplay/linalg/pca.h"
#include "mlplay/linalg/pca_data.h"
#include "support/repo_files.h"

using namespace mlplay::decomposition;

namespace {

/// A data set exported by scripts/setup.sh (datasets/ is not in the repository).
mlplay::data::CsvTable dataset(const std::string& name) {
  const std::string text = mlplay::testing::dataset_text(name);
  return mlplay::data::read_csv(text);
}

double sum_of_squares(const Matrix& a, const Matrix& b) {
  double s = 0;
  for (size_t i = 0; i < a.values.size(); ++i) s += (a.values[i] - b.values[i]) * (a.values[i] - b.values[i]);
  return s;
}

}  // namespace

TEST_CASE("PCA of points on a line finds the line", "[linalg][pca]") {
  // y = 2x: all variance along (1, 2)/√5, none across it.
  Matrix x(5, 2, {0, 0, 1, 2, 2, 4, 3, 6, 4, 8});
  PCA pca;
  pca.fit(x);
  REQUIRE(pca.mean() == std::vector<double>{2, 4});
  // var(x) = 2.5, var(y) = 10 → λ1 = 12.5, λ2 = 0.
  REQUIRE(pca.explained_variance()[0] == Approx(12.5));
  REQUIRE(pca.explained_variance()[1] == Approx(0).margin(1e-9));
  REQUIRE(pca.explained_variance_ratio()[0] == Approx(1));
  REQUIRE(pca.component(0)[0] == Approx(1 / std::sqrt(5.0)));
  REQUIRE(pca.component(0)[1] == Approx(2 / std::sqrt(5.0)));
  const Matrix scores = pca.transform(x, 1);
  REQUIRE(scores(0, 0) == Approx(-2 * std::sqrt(5.0)));
  REQUIRE(sum_of_squares(pca.reconstruct(x, 1), x) == Approx(0).margin(1e-18));
}

TEST_CASE("PCA of standardized Iris gives the classic eigenvalues 2.918, 0.914, 0.147, 0.021", "[linalg][pca]") {
  const LabeledData iris = labeled_data_from_csv(dataset("iris.csv"));
  REQUIRE(iris.x.rows == 150);
  REQUIRE(iris.x.cols == 4);
  REQUIRE(iris.label_name == "species");
  REQUIRE(iris.classes == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  PCA pca({.standardize = true, .power = {}});
  pca.fit(iris.x);
  const auto lambda = pca.explained_variance();
  REQUIRE(lambda[0] == Approx(2.918).epsilon(5e-4));
  REQUIRE(lambda[1] == Approx(0.914).epsilon(5e-4));
  REQUIRE(lambda[2] == Approx(0.147).epsilon(3e-3));
  REQUIRE(lambda[3] == Approx(0.0207).epsilon(1e-2));
  REQUIRE(pca.total_variance() == Approx(4));  // a correlation matrix has ones on the diagonal
  REQUIRE(pca.explained_variance_ratio()[0] == Approx(0.7296).epsilon(1e-3));
  // Unstandardized (covariance in cm²): petal length dominates, λ1 = 4.228 (72.96% → 92.46%).
  PCA raw;
  raw.fit(iris.x);
  REQUIRE(raw.explained_variance()[0] == Approx(4.2282).epsilon(1e-4));
  REQUIRE(raw.explained_variance_ratio()[0] == Approx(0.9246).epsilon(1e-3));
  // All four components rebuild the data exactly; fewer lose exactly the dropped eigenvalues.
  REQUIRE(sum_of_squares(raw.reconstruct(iris.x, 4), iris.x) == Approx(0).margin(1e-16));
  const double lost = sum_of_squares(raw.reconstruct(iris.x, 2), iris.x) / (150 - 1);
  REQUIRE(lost == Approx(raw.explained_variance()[2] + raw.explained_variance()[3]).epsilon(1e-9));
}

TEST_CASE("PCA on MNIST matches Eigen's SelfAdjointEigenSolver, and the SVD relation holds", "[linalg][pca]") {
  const auto set = mlplay::data::load_mnist(mlplay::testing::repo_root() / mlplay::data::kMnistDefaultDir, "t10k");
  const LabeledData data = labeled_data_from_mnist(set, 600);
  REQUIRE(data.x.cols == 784);
  REQUIRE(data.labels[0] == 7);  // the first test image is a 7
  PCA pca({.n_components = 12, .power = {.tolerance = 1e-10}});
  pca.fit(data.x);
  Eigen::MatrixXd c(784, 784);
  for (int r = 0; r < 784; ++r)
    for (int k = 0; k < 784; ++k) c(r, k) = pca.covariance()[static_cast<size_t>(r * 784 + k)];
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(c);
  for (int k = 0; k < 12; ++k) {
    INFO("component " << k);
    const Eigen::Index e = 783 - k;
    REQUIRE(pca.explained_variance()[static_cast<size_t>(k)] == Approx(eigen.eigenvalues()(e)).epsilon(1e-9));
    double dot = 0;
    for (int f = 0; f < 784; ++f) dot += pca.component(k)[static_cast<size_t>(f)] * eigen.eigenvectors()(f, e);
    REQUIRE(std::abs(dot) == Approx(1).epsilon(1e-6));
  }
  // σ_k² / (n − 1) = λ_k, with ZᵀZ never formed.
  const auto svd = top_singular_values(pca.centred(), 3, {.tolerance = 1e-10});
  for (int k = 0; k < 3; ++k) {
    REQUIRE(svd[static_cast<size_t>(k)].value * svd[static_cast<size_t>(k)].value / 599 ==
            Approx(pca.explained_variance()[static_cast<size_t>(k)]).epsilon(1e-9));
  }
  // More components, smaller reconstruction error.
  const double e2 = sum_of_squares(pca.reconstruct(data.x, 2), data.x), e12 = sum_of_squares(pca.reconstruct(data.x, 12), data.x);
  REQUIRE(e12 < 0.75 * e2);
}

TEST_CASE("PCA data from CSV: labels, ignored text columns, and errors naming row and column", "[linalg][pca]") {
  using mlplay::data::read_csv;
  const LabeledData wine = labeled_data_from_csv(dataset("wine.csv"));
  REQUIRE(wine.x.cols == 13);
  REQUIRE(wine.label_name == "cultivar");
  const LabeledData digits = labeled_data_from_csv(dataset("digits.csv"));
  REQUIRE(digits.x.cols == 64);  // the whole-number "digit" column is the label
  REQUIRE(digits.label_name == "digit");
  REQUIRE(digits.classes.size() == 10);

  const auto table = read_csv("name,a,kind,b\nx,1,p,2\ny,3,q,5\nz,4,p,4\n");
  const LabeledData auto_label = labeled_data_from_csv(table);
  REQUIRE(auto_label.label_name == "name");
  REQUIRE(auto_label.ignored == std::vector<std::string>{"kind"});
  REQUIRE(auto_label.feature_names == std::vector<std::string>{"a", "b"});
  const LabeledData by_b = labeled_data_from_csv(table, "b");
  REQUIRE(by_b.feature_names == std::vector<std::string>{"a"});
  REQUIRE(by_b.labels == std::vector<int32_t>{0, 1, 2});
  REQUIRE(labeled_data_from_csv(table, "none").labels.empty());
  REQUIRE_THROWS_WITH(labeled_data_from_csv(read_csv("a,b\n1,2\n3,\n")), Catch::Contains("CSV row 3, column 'b': the cell is empty"));
  REQUIRE_THROWS_WITH(labeled_data_from_csv(read_csv("a,b\n1,2\n3,x4\n")), Catch::Contains("CSV row 3, column 'b': 'x4' is not a number"));
  REQUIRE_THROWS_WITH(labeled_data_from_csv(read_csv("a,b\nx,y\n")), Catch::Contains("no numeric column to analyse (the columns are a, b)"));
  REQUIRE_THROWS_WITH(PCA().fit(Matrix(1, 2, {1, 2})), Catch::Contains("need at least 2 samples, got 1"));
  REQUIRE_THROWS_WITH(PCA({.n_components = 3, .power = {}}).fit(Matrix(2, 2, {1, 2, 3, 4})), Catch::Contains("n_components = 3 but the data has only 2 features"));
}

TEST_CASE("PCA can be fitted one component at a time", "[linalg][pca]") {
  const LabeledData wine = labeled_data_from_csv(dataset("wine.csv"));
  PCA all({.standardize = true, .power = {}});
  all.fit(wine.x);
  PCA stepwise({.standardize = true, .power = {}});
  stepwise.prepare(wine.x);
  REQUIRE(stepwise.n_fitted() == 0);
  for (int k = 0; k < 3; ++k) REQUIRE(stepwise.fit_next().value == Approx(all.explained_variance()[static_cast<size_t>(k)]));
  REQUIRE(stepwise.n_fitted() == 3);
  // Wine's well-known standardized spectrum: λ1 ≈ 4.706, 36.2% of the variance.
  REQUIRE(all.explained_variance()[0] == Approx(4.7059).epsilon(1e-3));
  REQUIRE(all.explained_variance_ratio()[0] == Approx(0.3620).epsilon(1e-3));
}
