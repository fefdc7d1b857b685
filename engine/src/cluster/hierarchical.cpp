#include "mlplay/cluster/hierarchical.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::cluster {
namespace {

/// Union–find over point ids, with the cluster id each root stands for.
struct Forest {
  std::vector<int64_t> parent;
  explicit Forest(int64_t n) : parent(static_cast<size_t>(n)) { std::iota(parent.begin(), parent.end(), 0); }
  int64_t find(int64_t i) {
    while (parent[static_cast<size_t>(i)] != i) i = parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
    return i;
  }
};

/// Lance–Williams: the distance from k to the union of i and j (sizes ni, nj, nk). For Ward the values
/// are squared distances.
double lance_williams(Linkage method, double dki, double dkj, double dij, double ni, double nj, double nk) {
  switch (method) {
    case Linkage::single: return std::min(dki, dkj);
    case Linkage::complete: return std::max(dki, dkj);
    case Linkage::average: return (ni * dki + nj * dkj) / (ni + nj);
    case Linkage::ward: return ((nk + ni) * dki + (nk + nj) * dkj - nk * dij) / (nk + ni + nj);
  }
  return 0;
}

}  // namespace

Linkage parse_linkage(std::string_view name) {
  if (name == "single") return Linkage::single;
  if (name == "complete") return Linkage::complete;
  if (name == "average") return Linkage::average;
  if (name == "ward") return Linkage::ward;
  throw ValueError(detail::concat("linkage: method must be single, complete, average or ward, got '", name, "'"));
}

const char* to_string(Linkage linkage) {
  switch (linkage) {
    case Linkage::single: return "single";
    case Linkage::complete: return "complete";
    case Linkage::average: return "average";
    case Linkage::ward: return "ward";
  }
  return "";
}

std::vector<Merge> linkage(const Points& points, Linkage method) {
  const int64_t n = points.n, d = points.d;
  check(n >= 2, "linkage: need at least 2 points, got ", n);
  check(n <= 20000, "linkage: at most 20000 points (the distance matrix has n² entries), got ", n);
  const bool ward = method == Linkage::ward;
  // The full distance matrix (squared for Ward, whose update is exact on squared distances).
  std::vector<double> dist(static_cast<size_t>(n * n), 0.0);
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = i + 1; j < n; ++j) {
      const double s = squared_distance(points.row(i), points.row(j), d);
      dist[static_cast<size_t>(i * n + j)] = dist[static_cast<size_t>(j * n + i)] = ward ? s : std::sqrt(s);
    }
  }
  auto D = [&](int64_t i, int64_t j) -> double& { return dist[static_cast<size_t>(i * n + j)]; };
  std::vector<int64_t> size(static_cast<size_t>(n), 1);
  std::vector<bool> active(static_cast<size_t>(n), true);
  // raw[m]: merge m between the clusters represented by points a and b (the union kept at b).
  std::vector<Merge> raw;
  std::vector<int64_t> chain;
  for (int64_t left = n; left > 1; --left) {
    if (chain.empty()) {
      for (int64_t i = 0; i < n; ++i) {
        if (active[static_cast<size_t>(i)]) {
          chain.push_back(i);
          break;
        }
      }
    }
    int64_t a = 0, b = 0;
    while (true) {
      a = chain.back();
      // a's nearest active neighbour, preferring the previous chain element on a tie.
      b = chain.size() >= 2 ? chain[chain.size() - 2] : -1;
      double best = b >= 0 ? D(a, b) : std::numeric_limits<double>::infinity();
      for (int64_t c = 0; c < n; ++c) {
        if (c == a || !active[static_cast<size_t>(c)]) continue;
        if (D(a, c) < best) best = D(a, c), b = c;
      }
      if (chain.size() >= 2 && b == chain[chain.size() - 2]) break;
      chain.push_back(b);
    }
    chain.pop_back();
    chain.pop_back();
    if (a > b) std::swap(a, b);
    const double dab = D(a, b);
    const double na = static_cast<double>(size[static_cast<size_t>(a)]), nb = static_cast<double>(size[static_cast<size_t>(b)]);
    for (int64_t k = 0; k < n; ++k) {
      if (!active[static_cast<size_t>(k)] || k == a || k == b) continue;
      D(b, k) = D(k, b) = lance_williams(method, D(k, a), D(k, b), dab, na, nb, static_cast<double>(size[static_cast<size_t>(k)]));
    }
    active[static_cast<size_t>(a)] = false;
    size[static_cast<size_t>(b)] += size[static_cast<size_t>(a)];
    raw.push_back({a, b, ward ? std::sqrt(std::max(0.0, dab)) : dab, size[static_cast<size_t>(b)]});
  }
  // The chain finds merges out of order: sort by height (stable) and name clusters as scipy does.
  std::vector<size_t> order(raw.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return raw[x].height < raw[y].height; });
  Forest forest(n);
  std::vector<int64_t> id(static_cast<size_t>(n));
  std::iota(id.begin(), id.end(), 0);
  std::vector<Merge> merges;
  for (size_t m = 0; m < order.size(); ++m) {
    const Merge& r = raw[order[m]];
    const int64_t ra = forest.find(r.a), rb = forest.find(r.b);
    int64_t ia = id[static_cast<size_t>(ra)], ib = id[static_cast<size_t>(rb)];
    if (ia > ib) std::swap(ia, ib);
    forest.parent[static_cast<size_t>(ra)] = rb;
    id[static_cast<size_t>(rb)] = n + static_cast<int64_t>(m);
    merges.push_back({ia, ib, r.height, r.size});
  }
  return merges;
}

std::vector<int32_t> cut_tree(const std::vector<Merge>& merges, int64_t n, int64_t clusters) {
  check(static_cast<int64_t>(merges.size()) == n - 1, "cut_tree: ", merges.size(), " merges for ", n, " points");
  check(clusters >= 1 && clusters <= n, "cut_tree: clusters must be from 1 to ", n, ", got ", clusters);
  // members of cluster id c: union–find on ids 0 … 2n − 2.
  std::vector<int64_t> parent(static_cast<size_t>(2 * n - 1));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int64_t i) {
    while (parent[static_cast<size_t>(i)] != i) i = parent[static_cast<size_t>(i)];
    return i;
  };
  for (int64_t m = 0; m < n - clusters; ++m) {
    parent[static_cast<size_t>(merges[static_cast<size_t>(m)].a)] = n + m;
    parent[static_cast<size_t>(merges[static_cast<size_t>(m)].b)] = n + m;
  }
  std::vector<int32_t> labels(static_cast<size_t>(n), -1);
  std::vector<int32_t> name(static_cast<size_t>(2 * n - 1), -1);
  int32_t next = 0;
  for (int64_t i = 0; i < n; ++i) {
    int32_t& c = name[static_cast<size_t>(find(i))];
    if (c < 0) c = next++;
    labels[static_cast<size_t>(i)] = c;
  }
  return labels;
}

int64_t clusters_below(const std::vector<Merge>& merges, double height) {
  int64_t made = 0;
  for (const Merge& m : merges) made += m.height <= height;
  return static_cast<int64_t>(merges.size()) + 1 - made;
}

std::vector<int64_t> leaf_order(const std::vector<Merge>& merges, int64_t n) {
  std::vector<int64_t> out;
  if (n == 1) return {0};
  std::vector<int64_t> stack = {n + static_cast<int64_t>(merges.size()) - 1};
  while (!stack.empty()) {
    const int64_t c = stack.back();
    stack.pop_back();
    if (c < n) {
      out.push_back(c);
      continue;
    }
    const Merge& m = merges[static_cast<size_t>(c - n)];
    stack.push_back(m.b);  // right after left
    stack.push_back(m.a);
  }
  return out;
}

}  // namespace mlplay::cluster
