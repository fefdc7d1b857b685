#include "mlplay/linear_model/normal_equation.h"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::linear_model {
namespace {

/// Centred copy of X (n, p) and y, with the means.
struct Centred {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  Eigen::RowVectorXd x_mean;
  double y_mean = 0;
};

Centred centre(const data::Dataset& data) {
  const auto n = static_cast<Eigen::Index>(data.rows), p = static_cast<Eigen::Index>(data.cols);
  Centred c;
  c.x = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(data.x.data(), n, p);
  c.y = Eigen::Map<const Eigen::VectorXd>(data.y.data(), n);
  c.x_mean = c.x.colwise().mean();
  c.y_mean = c.y.mean();
  c.x.rowwise() -= c.x_mean;
  c.y.array() -= c.y_mean;
  return c;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? (i + 1 == names.size() ? " and '" : ", '") : "'") + names[i] + "'";
  return out;
}

}  // namespace

std::string explain_singular(const data::Dataset& data) {
  if (data.rows == 0 || data.cols == 0) return "";
  const Centred c = centre(data);
  const Eigen::VectorXd norms = c.x.colwise().norm();
  const double scale = std::max(1.0, norms.maxCoeff());
  std::vector<std::string> constant;
  for (Eigen::Index j = 0; j < norms.size(); ++j) {
    if (norms(j) <= 1e-12 * scale) constant.push_back(data.feature_names[static_cast<size_t>(j)]);
  }
  if (!constant.empty()) {
    return detail::concat("the feature", constant.size() > 1 ? "s " : " ", join(constant), constant.size() > 1 ? " are" : " is",
                          " constant (one value in every row), so its column is the intercept's column over again; leave ",
                          constant.size() > 1 ? "them" : "it", " out or add a ridge penalty");
  }
  for (Eigen::Index j = 0; j < c.x.cols(); ++j) {
    for (Eigen::Index k = j + 1; k < c.x.cols(); ++k) {
      const double cosine = c.x.col(j).dot(c.x.col(k)) / (norms(j) * norms(k));
      if (std::abs(cosine) > 1 - 1e-12) {
        return detail::concat("the features '", data.feature_names[static_cast<size_t>(j)], "' and '",
                              data.feature_names[static_cast<size_t>(k)], "' are ",
                              cosine > 0 ? "identical up to scale and shift" : "mirror images (one is −k × the other plus a constant)",
                              ", so many coefficient pairs fit equally well; leave one out or add a ridge penalty");
      }
    }
  }
  // A pivoted LDLT of the correlation matrix puts the dependent columns last, with pivots near 0.
  Eigen::MatrixXd corr = c.x.transpose() * c.x;
  const Eigen::VectorXd inv = norms.cwiseInverse();
  corr = inv.asDiagonal() * corr * inv.asDiagonal();
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(corr);
  Eigen::VectorXi order = Eigen::VectorXi::LinSpaced(corr.rows(), 0, static_cast<int>(corr.rows()) - 1);
  order = ldlt.transpositionsP().transpose() * order;
  std::vector<std::string> dependent;
  for (Eigen::Index i = 0; i < ldlt.vectorD().size(); ++i) {
    if (std::abs(ldlt.vectorD()(i)) < 1e-10) dependent.push_back(data.feature_names[static_cast<size_t>(order(i))]);
  }
  if (dependent.empty()) return "";
  return detail::concat("the feature", dependent.size() > 1 ? "s " : " ", join(dependent), dependent.size() > 1 ? " are" : " is",
                        " a linear combination of the others (for instance every level of a one-hot column, which always sum ",
                        "to 1); leave ", dependent.size() > 1 ? "them" : "it", " out, drop a one-hot level, or add a ridge penalty");
}

NormalEquationFit fit_normal_equation(const data::Dataset& data, double lambda) {
  check<ValueError>(std::isfinite(lambda) && lambda >= 0, "fit_normal_equation: the ridge penalty λ must be ≥ 0, got ", lambda);
  check<ValueError>(data.y.size() == data.rows, "fit_normal_equation: ", data.rows, " rows but ", data.y.size(), " targets");
  check<ValueError>(data.rows >= 2, "fit_normal_equation: need at least 2 rows, got ", data.rows);
  const Centred c = centre(data);
  const double n = static_cast<double>(data.rows);
  // G = X_cᵀX_c + nλI (p, p);  g = X_cᵀy_c (p).
  Eigen::MatrixXd gram = c.x.transpose() * c.x;
  gram.diagonal().array() += n * lambda;
  const Eigen::VectorXd rhs = c.x.transpose() * c.y;

  const Eigen::VectorXd eigenvalues = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram, Eigen::EigenvaluesOnly).eigenvalues();
  const double largest = eigenvalues.size() ? eigenvalues.maxCoeff() : 0.0, smallest = eigenvalues.size() ? eigenvalues.minCoeff() : 0.0;
  const bool singular = eigenvalues.size() > 0 && !(smallest > largest * 1e-13);
  if (singular) {
    const std::string why = explain_singular(data);
    throw SingularMatrixError(detail::concat("normal equation: XᵀX is singular",
                                             why.empty() ? std::string(" (the features are linearly dependent)") : ": " + why));
  }
  NormalEquationFit fit;
  fit.condition = largest / smallest;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(gram);
  check<SingularMatrixError>(ldlt.info() == Eigen::Success, "normal equation: the LDLT factorization failed");
  const Eigen::VectorXd beta = ldlt.solve(rhs);
  fit.model.coef.assign(beta.data(), beta.data() + beta.size());
  fit.model.intercept = c.y_mean - c.x_mean.dot(beta);
  return fit;
}

std::vector<LinearModel> ridge_path(const data::Dataset& data, const std::vector<double>& lambdas) {
  std::vector<LinearModel> out;
  for (double lambda : lambdas) {
    check<ValueError>(lambda > 0, "ridge_path: every λ must be > 0, got ", lambda);
    out.push_back(fit_normal_equation(data, lambda).model);
  }
  return out;
}

}  // namespace mlplay::linear_model
