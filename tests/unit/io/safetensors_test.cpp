#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
using Catch::Matchers::Contains;
using Bytes = std::vector<uint8_t>;

namespace {

/// A file from a header text and raw data bytes, laid out as the spec says (no padding added).
Bytes make_file(const std::string& header, const Bytes& data) {
  const uint64_t n = header.size();
  Bytes out(8 + n + data.size());
  std::memcpy(out.data(), &n, 8);
  std::memcpy(out.data() + 8, header.data(), n);
  if (!data.empty()) std::memcpy(out.data() + 8 + n, data.data(), data.size());
  return out;
}

template <typename T>
Bytes raw(const std::vector<T>& values) {
  Bytes out(values.size() * sizeof(T));
  std::memcpy(out.data(), values.data(), out.size());
  return out;
}

/// The header JSON of a file.
nlohmann::json header_of(const Bytes& file) {
  uint64_t n;
  std::memcpy(&n, file.data(), 8);
  return nlohmann::json::parse(file.begin() + 8, file.begin() + 8 + static_cast<std::ptrdiff_t>(n));
}

std::string temp_path(const char* name) { return (std::filesystem::temp_directory_path() / name).string(); }

}  // namespace

TEST_CASE("safetensors: byte round trip, name order, padding and metadata", "[io]") {
  TensorDict tensors;
  tensors.insert("zeta", arange(6).reshape({2, 3}).t());  // non-contiguous: written row-major
  tensors.insert("alpha", scalar_tensor(2.5));
  tensors.insert("empty", zeros({0, 4}));
  tensors.insert("mid.weight", randn({3, 1, 2}));
  Bytes file;
  save_safetensors(file, tensors, {{"format", "pt"}, {"note", "mlplay"}});
  uint64_t n;
  std::memcpy(&n, file.data(), 8);
  REQUIRE((8 + n) % 8 == 0);
  REQUIRE(file[8] == '{');
  REQUIRE(file.size() == 8 + n + 4 * (6 + 1 + 0 + 6));
  const nlohmann::json header = header_of(file);
  REQUIRE(header["alpha"]["dtype"] == "F32");
  REQUIRE(header["alpha"]["shape"] == nlohmann::json::array());
  REQUIRE(header["alpha"]["data_offsets"] == nlohmann::json({0, 4}));
  REQUIRE(header["empty"]["data_offsets"] == nlohmann::json({4, 4}));
  REQUIRE(header["mid.weight"]["data_offsets"] == nlohmann::json({4, 28}));
  REQUIRE(header["zeta"]["shape"] == nlohmann::json({3, 2}));
  REQUIRE(header["__metadata__"]["format"] == "pt");

  SafetensorsMetadata metadata;
  const TensorDict loaded = load_safetensors(file, &metadata);
  REQUIRE(loaded.keys() == std::vector<std::string>{"alpha", "empty", "mid.weight", "zeta"});
  for (const auto& [name, t] : tensors) {
    REQUIRE(loaded[name].shape() == t.shape());
    REQUIRE(loaded[name].to_vector() == t.to_vector());
  }
  REQUIRE(metadata == SafetensorsMetadata{{"format", "pt"}, {"note", "mlplay"}});
  Bytes again;
  save_safetensors(again, loaded, metadata);
  REQUIRE(again == file);
  Bytes no_tensors;
  save_safetensors(no_tensors, TensorDict());
  REQUIRE(load_safetensors(no_tensors).empty());
}

TEST_CASE("safetensors: Module::save and Module::load through a file", "[io][nn]") {
  manual_seed(8);
  nn::Sequential a(nn::Linear(3, 4), nn::BatchNorm1d(4), nn::ReLU(), nn::Linear(4, 2));
  a->forward(randn({5, 3}));
  const std::string path = temp_path("mlplay_nn_module_test.safetensors");
  a->save(path);
  nn::Sequential b(nn::Linear(3, 4), nn::BatchNorm1d(4), nn::ReLU(), nn::Linear(4, 2));
  b->load(path);
  a->eval();
  b->eval();
  const Tensor x = randn({2, 3});
  REQUIRE(allclose(a->forward(x), b->forward(x)));
  REQUIRE(load_safetensors(path).keys().size() == a->state_dict().size());
  nn::Sequential wrong(nn::Linear(3, 5));
  REQUIRE_THROWS_WITH(wrong->load(path), Contains("size mismatch for 0.weight"));
  std::filesystem::remove(path);
  REQUIRE_THROWS_WITH(load_safetensors(path), Contains("load_safetensors: cannot open '" + path + "'"));
  REQUIRE_THROWS_AS(save_safetensors(std::string("/nonexistent-dir/x.safetensors"), TensorDict()), IOError);
}

TEST_CASE("safetensors: reads F16, BF16, F64, I64 and I32 as float32", "[io]") {
  // F16 1.0 = 0x3C00, -2.5 = 0xC100, 2^-24 (smallest subnormal) = 0x0001, inf = 0x7C00
  // BF16 1.0 = 0x3F80, -3.0 = 0xC040
  const std::string header =
      R"({"h":{"dtype":"F16","shape":[4],"data_offsets":[0,8]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[8,12]},)"
      R"("d":{"dtype":"F64","shape":[1],"data_offsets":[12,20]},"l":{"dtype":"I64","shape":[1],"data_offsets":[20,28]},)"
      R"("i":{"dtype":"I32","shape":[1,1],"data_offsets":[28,32]}})";
  Bytes data = raw<uint16_t>({0x3C00, 0xC100, 0x0001, 0x7C00});
  for (const Bytes& part : {raw<uint16_t>({0x3F80, 0xC040}), raw<double>({0.1}), raw<int64_t>({-7}), raw<int32_t>({42})})
    data.insert(data.end(), part.begin(), part.end());
  const TensorDict t = load_safetensors(make_file(header, data));
  REQUIRE(t.keys() == std::vector<std::string>{"h", "b", "d", "l", "i"});  // file order
  REQUIRE(t["h"].to_vector() == std::vector<float>{1.0f, -2.5f, 5.9604645e-8f, INFINITY});
  REQUIRE(t["b"].to_vector() == std::vector<float>{1.0f, -3.0f});
  REQUIRE(t["d"].item() == 0.1f);
  REQUIRE(t["l"].item() == -7.0f);
  REQUIRE(t["i"].shape() == Shape{1, 1});
  REQUIRE(t["i"].item() == 42.0f);
}

TEST_CASE("safetensors: truncated files and bad headers are IOErrors with byte offsets", "[io]") {
  REQUIRE_THROWS_AS(load_safetensors(Bytes{1, 2, 3}), IOError);
  REQUIRE_THROWS_WITH(load_safetensors(Bytes{1, 2, 3}),
                      Contains("load_safetensors: truncated file: 3 bytes, but the header length alone takes bytes 0..8"));
  Bytes file;
  save_safetensors(file, TensorDict{{"w", ones({4})}});
  Bytes cut(file.begin(), file.begin() + 20);
  REQUIRE_THROWS_WITH(load_safetensors(cut), Contains("header length 56 (file bytes 8..64) is larger than the file of 20 bytes"));
  Bytes huge(16, 0);
  huge[7] = 0x7F;
  REQUIRE_THROWS_WITH(load_safetensors(huge), Contains("is larger than the file of 16 bytes"));
  REQUIRE_THROWS_WITH(load_safetensors(make_file("{\"w\": [", {})),
                      Contains("load_safetensors: header (file bytes 8..15) is not valid JSON"));
  REQUIRE_THROWS_WITH(load_safetensors(make_file("[1, 2]", {})), Contains("must be a JSON object, got array"));
  REQUIRE_THROWS_WITH(load_safetensors(make_file(R"({"w": {"dtype": "F32"}})", {})),
                      Contains("tensor 'w': expected an object with dtype, shape and data_offsets"));
  REQUIRE_THROWS_WITH(load_safetensors(make_file(R"({"__metadata__": {"n": 3}})", {})),
                      Contains("__metadata__ value for 'n' must be a string, got 3"));
  REQUIRE_THROWS_WITH(load_safetensors(make_file(R"({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})", {})),
                      Contains("tensor 'w': shape must hold non-negative integers, got -1"));
}

TEST_CASE("safetensors: dtype, size and layout errors name the tensor and the offsets", "[io]") {
  const Bytes eight(8, 0);
  auto load = [&](const std::string& header, const Bytes& data) { return load_safetensors(make_file(header, data)); };
  REQUIRE_THROWS_WITH(load(R"({"w": {"dtype": "I8", "shape": [8], "data_offsets": [0, 8]}})", eight),
                      Contains("tensor 'w': unsupported dtype 'I8' (supported: F32, F16, BF16, F64, I64, I32)"));
  REQUIRE_THROWS_WITH(load(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", eight),
                      Contains("tensor 'w': shape (3,) of F32 needs 12 bytes but data_offsets [0, 8] hold 8"));
  REQUIRE_THROWS_WITH(load(R"({"w": {"dtype": "F32", "shape": [0], "data_offsets": [8, 0]}})", eight),
                      Contains("tensor 'w': data_offsets [8, 0] end before they begin"));
  // a header of 123 or 124 bytes: the data buffer starts at file byte 131 or 132
  const std::string two = R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", )";
  REQUIRE_THROWS_WITH(load(two + R"("shape": [1], "data_offsets": [4, 8]}})", eight),
                      Contains("tensor 'b': data_offsets [4, 8] overlap tensor 'a', which ends at 8"));
  const Bytes sixteen(16, 0);
  REQUIRE_THROWS_WITH(load(two + R"("shape": [1], "data_offsets": [12, 16]}})", sixteen),
                      Contains("gap in the data buffer: bytes [8, 12) (file bytes 140..144) before tensor 'b'"));
  REQUIRE_THROWS_WITH(load(two + R"("shape": [1], "data_offsets": [8, 12]}})", sixteen),
                      Contains("gap in the data buffer: bytes [12, 16) (file bytes 143..147) at its end"));
  REQUIRE_THROWS_WITH(load(two + R"("shape": [2], "data_offsets": [8, 16]}})", Bytes(12, 0)),
                      Contains("tensor 'b': data_offsets [8, 16] (file bytes 139..147) point outside the data buffer "
                               "of 12 bytes (file bytes 131..143)"));
  REQUIRE_THROWS_WITH(load(R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})", eight),
                      Contains("gap in the data buffer: bytes [0, 4)"));
}
