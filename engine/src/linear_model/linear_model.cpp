#include "mlplay/linear_model/linear_model.h"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::linear_model {

double LinearModel::predict_row(const double* row) const {
  double sum = intercept;
  for (size_t j = 0; j < coef.size(); ++j) sum += coef[j] * row[j];
  return sum;
}

std::vector<double> LinearModel::predict(const data::Dataset& data) const {
  check<ValueError>(data.cols == coef.size(), "LinearModel::predict: the model has ", coef.size(), " coefficients but the data has ",
                    data.cols, " features");
  std::vector<double> out(data.rows);
  for (size_t i = 0; i < data.rows; ++i) out[i] = predict_row(&data.x[i * data.cols]);
  return out;
}

LinearModel unstandardize(const LinearModel& standardized, const data::Standardizer& scaler) {
  check<ValueError>(standardized.coef.size() == scaler.mean.size(), "unstandardize: ", standardized.coef.size(),
                    " coefficients but the scaler has ", scaler.mean.size(), " features");
  LinearModel out{std::vector<double>(standardized.coef.size()), standardized.intercept};
  for (size_t j = 0; j < out.coef.size(); ++j) {
    out.coef[j] = standardized.coef[j] / scaler.scale[j];
    out.intercept -= out.coef[j] * scaler.mean[j];
  }
  return out;
}

LinearModel standardize(const LinearModel& model, const data::Standardizer& scaler) {
  check<ValueError>(model.coef.size() == scaler.mean.size(), "standardize: ", model.coef.size(), " coefficients but the scaler has ",
                    scaler.mean.size(), " features");
  LinearModel out{std::vector<double>(model.coef.size()), model.intercept};
  for (size_t j = 0; j < out.coef.size(); ++j) {
    out.coef[j] = model.coef[j] * scaler.scale[j];
    out.intercept += model.coef[j] * scaler.mean[j];
  }
  return out;
}

HessianSpectrum hessian_spectrum(const data::Dataset& data) {
  check<ValueError>(data.rows > 0, "hessian_spectrum: no rows");
  const Eigen::Index p = static_cast<Eigen::Index>(data.cols) + 1;
  // A = [1 X] (n, p); H = AᵀA / n (p, p).
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(p, p);
  Eigen::VectorXd row(p);
  for (size_t i = 0; i < data.rows; ++i) {
    row(0) = 1;
    for (size_t j = 0; j < data.cols; ++j) row(static_cast<Eigen::Index>(j) + 1) = data.at(i, j);
    h.selfadjointView<Eigen::Lower>().rankUpdate(row);
  }
  h = h.selfadjointView<Eigen::Lower>();
  h /= static_cast<double>(data.rows);
  const Eigen::VectorXd values = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h, Eigen::EigenvaluesOnly).eigenvalues();
  HessianSpectrum s;
  s.largest = values(p - 1);
  s.smallest = std::max(0.0, values(0));
  s.condition = s.smallest > s.largest * 1e-15 ? s.largest / s.smallest : std::numeric_limits<double>::infinity();
  return s;
}

}  // namespace mlplay::linear_model
