// Packed SGEMM, the GotoBLAS/BLIS way:
//   for each block of kKC along K:
//     pack op(B)[k block, the band's columns] into 8-column panels
//     for each kMC rows: pack op(A)[those rows, k block] into 5-row panels (only when A is
//       transposed: otherwise the kernel reads A's rows in place and only a ragged last panel is packed)
//       for each tile of kNB columns, each 8-column panel, each 5-row panel: the 5×8 micro-kernel
// With several threads, each runs this loop alone on its own band of C (its columns or its rows).
// Packing makes the micro-kernel's loads contiguous whatever the transposes, and zero-pads the ragged
// edges so the kernel never branches; edge tiles go through a small scratch tile. XNNPACK also reads
// A in place: a row's k values are already contiguous, and copying them cost up to a third of a
// small product's time.
#include "mlplay/kernels/sgemm.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "mlplay/core/parallel.h"
#include "sgemm_microkernel.h"

namespace mlplay::kernels {
namespace {

constexpr int64_t kMR = kSgemmMR, kNR = kSgemmNR;
constexpr int64_t kKC = 256;  // K block: a 5×256 A panel (5 KB) and an 8×256 B panel (8 KB) fit L1
constexpr int64_t kMC = 80;   // rows of C per tile: 16 A panels (80 KB packed, L2)
constexpr int64_t kNB = 128;  // columns of C per tile: 16 B panels

inline float op_a(bool trans, const float* A, int64_t lda, int64_t m, int64_t k) {
  return trans ? A[k * lda + m] : A[m * lda + k];
}

/// Packs op(B)[k0 : k0+kc, n0 : n0+nc] as ceil(nc/8) panels of (kc, 8), zero-padded.
void pack_b(bool trans_b, const float* B, int64_t ldb, int64_t k0, int64_t kc, int64_t n0, int64_t nc, float* out) {
  for (int64_t j = 0; j < nc; j += kNR) {
    const int64_t width = std::min(kNR, nc - j);
    float* panel = out + j * kc;  // panel j/8 starts at (j/8) * kc * 8
    for (int64_t k = 0; k < kc; ++k) {
      float* dst = panel + k * kNR;
      if (!trans_b && width == kNR) {
        std::memcpy(dst, B + (k0 + k) * ldb + n0 + j, kNR * sizeof(float));
        continue;
      }
      for (int64_t jj = 0; jj < kNR; ++jj) {
        const int64_t n = n0 + j + jj;
        dst[jj] = jj < width ? (trans_b ? B[n * ldb + k0 + k] : B[(k0 + k) * ldb + n]) : 0.0f;
      }
    }
  }
}

/// Packs op(A)[m0 : m0+mc, k0 : k0+kc] as ceil(mc/MR) panels of (kc, MR), zero-padded. Full panels
/// copy without a per-element test (the transpose is a template argument, so each loop is plain).
template <bool kTransA>
void pack_a_panels(const float* A, int64_t lda, int64_t m0, int64_t mc, int64_t k0, int64_t kc, float* out) {
  for (int64_t i = 0; i < mc; i += kMR) {
    const int64_t height = std::min(kMR, mc - i);
    float* panel = out + i * kc;
    if (height == kMR) {
      for (int64_t k = 0; k < kc; ++k) {
        for (int64_t ii = 0; ii < kMR; ++ii) {
          panel[k * kMR + ii] = kTransA ? A[(k0 + k) * lda + m0 + i + ii] : A[(m0 + i + ii) * lda + k0 + k];
        }
      }
      continue;
    }
    for (int64_t k = 0; k < kc; ++k) {
      for (int64_t ii = 0; ii < kMR; ++ii) {
        panel[k * kMR + ii] = ii < height ? op_a(kTransA, A, lda, m0 + i + ii, k0 + k) : 0.0f;
      }
    }
  }
}

void pack_a(bool trans_a, const float* A, int64_t lda, int64_t m0, int64_t mc, int64_t k0, int64_t kc, float* out) {
  if (trans_a) return pack_a_panels<true>(A, lda, m0, mc, k0, kc, out);
  pack_a_panels<false>(A, lda, m0, mc, k0, kc, out);
}

/// Where the micro-kernel reads a tile's rows of A for one K block: packed panels (panel p at
/// packed + p * kc), or, when `rows` is set, A itself for every full panel (tile row i at
/// rows + i * lda; only a ragged last panel is packed).
struct APanels {
  const float* packed;
  const float* rows;
  int64_t lda;
};

/// One tile of C: rows [m0, m0+mc), columns [n0, n0+nc), one K block, from A and the packed B
/// panels of those columns (`bp_tile`); added to C, or with `overwrite` (the first K block when
/// beta = 0) written over it.
void tile(const APanels& a, const float* bp_tile, int64_t kc, int64_t m0, int64_t mc, int64_t n0, int64_t nc,
          float alpha, float* C, int64_t ldc, bool overwrite) {
  for (int64_t j = 0; j < nc; j += kNR) {
    const float* bp = bp_tile + j * kc;
    const int64_t width = std::min(kNR, nc - j);
    for (int64_t i = 0; i < mc; i += kMR) {
      const int64_t height = std::min(kMR, mc - i);
      float* c = C + (m0 + i) * ldc + n0 + j;
      if (height == kMR && width == kNR) {
        if (a.rows != nullptr) {
          if (overwrite) detail::microkernel_rows<kMR, true>(kc, a.rows + i * a.lda, a.lda, bp, alpha, c, ldc);
          else detail::microkernel_rows<kMR>(kc, a.rows + i * a.lda, a.lda, bp, alpha, c, ldc);
        } else {
          if (overwrite) detail::microkernel<kMR, true>(kc, a.packed + i * kc, bp, alpha, c, ldc);
          else detail::microkernel<kMR>(kc, a.packed + i * kc, bp, alpha, c, ldc);
        }
        continue;
      }
      float scratch[kMR * kNR];
      if (a.rows != nullptr && height == kMR) {
        detail::microkernel_rows<kMR, true>(kc, a.rows + i * a.lda, a.lda, bp, alpha, scratch, kNR);
      } else {
        detail::microkernel<kMR, true>(kc, a.packed + i * kc, bp, alpha, scratch, kNR);
      }
      for (int64_t ii = 0; ii < height; ++ii)
        for (int64_t jj = 0; jj < width; ++jj) {
          float& out = c[ii * ldc + jj];
          out = overwrite ? scratch[ii * kNR + jj] : out + scratch[ii * kNR + jj];
        }
    }
  }
}

/// C = beta * C, with beta == 0 writing zeros (so NaNs in uninitialized C do not survive).
void scale_c(int64_t M, int64_t N, float beta, float* C, int64_t ldc) {
  if (beta == 1.0f) return;
  // at least 64k elements per chunk: zeroing a small C is not worth waking a thread
  parallel_for(0, M, std::max<int64_t>(1, (int64_t{1} << 16) / std::max<int64_t>(N, 1)), [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      float* row = C + i * ldc;
      if (beta == 0.0f) {
        std::fill(row, row + N, 0.0f);
      } else {
        for (int64_t j = 0; j < N; ++j) row[j] *= beta;
      }
    }
  });
}

/// Small products: packing does not pay; a plain i-k-j loop that the compiler vectorizes over j.
void sgemm_small(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
                 int64_t lda, const float* B, int64_t ldb, float* C, int64_t ldc) {
  for (int64_t i = 0; i < M; ++i) {
    float* c = C + i * ldc;
    for (int64_t k = 0; k < K; ++k) {
      const float a = alpha * op_a(trans_a, A, lda, i, k);
      if (!trans_b) {
        const float* b = B + k * ldb;
        for (int64_t j = 0; j < N; ++j) c[j] += a * b[j];
      } else {
        for (int64_t j = 0; j < N; ++j) c[j] += a * B[j * ldb + k];
      }
    }
  }
}

/// A few rows of A times Bᵀ (a linear layer on one or a few samples, x Wᵀ): each C[i, j] is a dot
/// product of two contiguous rows, so nothing is packed (packing W would copy the whole weight matrix
/// for a handful of multiply-adds per element). Sixteen partial sums per dot in four SIMD vectors,
/// written out: this toolchain does not vectorize the plain loop for wasm (measured 4.5× slower).
void sgemm_rows_bt(bool trans_a, int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t lda,
                   const float* B, int64_t ldb, float* C, int64_t ldc) {
  std::vector<float> row(static_cast<size_t>(K));
  for (int64_t i = 0; i < M; ++i) {
    const float* a = A + i * lda;
    if (trans_a) {  // gather column i of A into a contiguous row
      for (int64_t k = 0; k < K; ++k) row[static_cast<size_t>(k)] = A[k * lda + i];
      a = row.data();
    }
    float* c = C + i * ldc;
    for (int64_t j = 0; j < N; ++j) {
      const float* b = B + j * ldb;
      detail::f32x4 acc0 = detail::splat(0), acc1 = acc0, acc2 = acc0, acc3 = acc0;
      int64_t k = 0;
      for (; k + 16 <= K; k += 16) {
        acc0 = detail::madd(acc0, detail::load4(a + k), detail::load4(b + k));
        acc1 = detail::madd(acc1, detail::load4(a + k + 4), detail::load4(b + k + 4));
        acc2 = detail::madd(acc2, detail::load4(a + k + 8), detail::load4(b + k + 8));
        acc3 = detail::madd(acc3, detail::load4(a + k + 12), detail::load4(b + k + 12));
      }
      float lanes[4];
      detail::store4(lanes, detail::add(detail::add(acc0, acc1), detail::add(acc2, acc3)));
      float sum = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
      for (; k < K; ++k) sum += a[k] * b[k];
      c[j] += alpha * sum;
    }
  }
}

/// The packed product for the block of C at rows [m0, m1), columns [n0, n1), over all of K: per K
/// block, pack this block's B columns, then per kMC rows pack A and run the tiles. Buffers are the
/// calling thread's, kept between calls: packing overwrites them (padding included), so they need
/// neither a fresh allocation nor zeroing each time (at n = 128 both cost a few percent).
void sgemm_block(bool trans_a, bool trans_b, int64_t m0, int64_t m1, int64_t n0, int64_t n1, int64_t K, float alpha,
                 const float* A, int64_t lda, const float* B, int64_t ldb, bool overwrite, float* C, int64_t ldc) {
  thread_local std::vector<float> ap, bp;
  const auto b_size = static_cast<size_t>(std::min(K, kKC) * ((n1 - n0 + kNR - 1) / kNR * kNR));
  if (bp.size() < b_size) bp.resize(b_size);
  if (ap.size() < static_cast<size_t>(kMC * kKC)) ap.resize(static_cast<size_t>(kMC * kKC));
  for (int64_t k0 = 0; k0 < K; k0 += kKC) {
    const int64_t kc = std::min(kKC, K - k0);
    pack_b(trans_b, B, ldb, k0, kc, n0, n1 - n0, bp.data());
    for (int64_t r = m0; r < m1; r += kMC) {
      const int64_t mc = std::min(kMC, m1 - r);
      APanels a{ap.data(), nullptr, lda};
      if (trans_a) {
        pack_a(trans_a, A, lda, r, mc, k0, kc, ap.data());
      } else {  // full panels read A in place; a ragged last one is packed where its panel would be
        a.rows = A + r * lda + k0;
        const int64_t full = mc / kMR * kMR;
        if (full < mc) pack_a(false, A, lda, r + full, mc - full, k0, kc, ap.data() + full * kc);
      }
      for (int64_t c = n0; c < n1; c += kNB) {
        tile(a, bp.data() + (c - n0) * kc, kc, r, mc, c, std::min(kNB, n1 - c), alpha, C, ldc, overwrite && k0 == 0);
      }
    }
  }
}

}  // namespace

void sgemm(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t lda,
           const float* B, int64_t ldb, float beta, float* C, int64_t ldc) {
  if (M <= 0 || N <= 0) return;
  const bool small = M * N * K <= 16 * 16 * 16 || M <= 4;
  // The packed path writes C over with its first K block when beta = 0, so it needs no zeroing pass.
  if (small || K <= 0 || alpha == 0.0f || beta != 0.0f) scale_c(M, N, beta, C, ldc);
  if (K <= 0 || alpha == 0.0f) return;
  if (M * N * K <= 16 * 16 * 16) return sgemm_small(trans_a, trans_b, M, N, K, alpha, A, lda, B, ldb, C, ldc);
  if (M <= 4) {  // one or a few samples through a layer: rows of B are read once, in order
    if (trans_b) return sgemm_rows_bt(trans_a, M, N, K, alpha, A, lda, B, ldb, C, ldc);
    return sgemm_small(trans_a, trans_b, M, N, K, alpha, A, lda, B, ldb, C, ldc);
  }

  // Several threads each take one band of C and run the whole K loop on it alone, so they meet once,
  // at the end, rather than after every packing step. Bands split the columns (each thread packs
  // its own B panels and all of A) when there are at least as many 8-column panels as threads and C
  // is not taller than wide, else the rows (each packs its own A rows and all of B): the copy every
  // thread makes is of the smaller operand. Products under ~1M multiply-adds stay on one thread:
  // handing them to the pool would cost more than it saves.
  const bool overwrite = beta == 0.0f;
  const int64_t panels = (N + kNR - 1) / kNR, row_panels = (M + kMR - 1) / kMR;
  const int threads = M * N * K < (int64_t{1} << 20) ? 1 : get_num_threads();
  const bool by_columns = panels >= threads && (M <= N || row_panels < threads);
  const int bands = static_cast<int>(std::min<int64_t>(threads, by_columns ? panels : row_panels));
  if (bands <= 1) return sgemm_block(trans_a, trans_b, 0, M, 0, N, K, alpha, A, lda, B, ldb, overwrite, C, ldc);
  parallel_chunks(0, by_columns ? panels : row_panels, bands, [&](int, int64_t lo, int64_t hi) {
    if (by_columns) {
      sgemm_block(trans_a, trans_b, 0, M, lo * kNR, std::min(N, hi * kNR), K, alpha, A, lda, B, ldb, overwrite, C, ldc);
    } else {
      sgemm_block(trans_a, trans_b, lo * kMR, std::min(M, hi * kMR), 0, N, K, alpha, A, lda, B, ldb, overwrite, C, ldc);
    }
  });
}

void sgemm_reference(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
                     int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc) {
  for (int64_t i = 0; i < M; ++i) {
    for (int64_t j = 0; j < N; ++j) {
      double sum = 0;
      for (int64_t k = 0; k < K; ++k) {
        const double a = op_a(trans_a, A, lda, i, k);
        const double b = trans_b ? B[j * ldb + k] : B[k * ldb + j];
        sum += a * b;
      }
      float& c = C[i * ldc + j];
      c = static_cast<float>(alpha * sum + (beta == 0.0f ? 0.0 : double(beta) * c));
    }
  }
}

}  // namespace mlplay::kernels
