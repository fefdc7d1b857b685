#pragma once
/// An insertion-ordered map with unique keys, as torch::OrderedDict
/// (https://pytorch.org/cppdocs/api/classtorch_1_1_ordered_dict.html): what named_parameters(),
/// state_dict() and load_safetensors() return. Items bind to structured bindings:
/// `for (const auto& [name, tensor] : model->named_parameters())`.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay {

template <typename Key, typename Value>
class OrderedDict {
 public:
  /// A (key, value) pair with torch's accessors; a std::pair underneath, so structured bindings work.
  struct Item : std::pair<Key, Value> {
    using std::pair<Key, Value>::pair;
    const Key& key() const { return this->first; }
    Value& value() { return this->second; }
    const Value& value() const { return this->second; }
  };

  OrderedDict() = default;
  OrderedDict(std::initializer_list<Item> items) {
    for (const Item& item : items) insert(item.first, item.second);
  }

  /// Appends (key, value); throws ValueError when the key is already present.
  Value& insert(const Key& key, Value value) {
    check<ValueError>(index_.find(key) == index_.end(), "OrderedDict: key '", key, "' already defined");
    index_.emplace(key, items_.size());
    items_.emplace_back(key, std::move(value));
    return items_.back().second;
  }
  /// The value for key, or nullptr.
  const Value* find(const Key& key) const {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &items_[it->second].second;
  }
  Value* find(const Key& key) {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &items_[it->second].second;
  }
  bool contains(const Key& key) const { return index_.count(key) > 0; }
  /// The value for key; throws ValueError naming the key when it is absent.
  const Value& operator[](const Key& key) const {
    const Value* value = find(key);
    check<ValueError>(value != nullptr, "OrderedDict: key '", key, "' not found");
    return *value;
  }
  Value& operator[](const Key& key) { return const_cast<Value&>(std::as_const(*this)[key]); }

  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const std::vector<Item>& items() const { return items_; }
  std::vector<Key> keys() const {
    std::vector<Key> out;
    for (const Item& item : items_) out.push_back(item.first);
    return out;
  }
  std::vector<Value> values() const {
    std::vector<Value> out;
    for (const Item& item : items_) out.push_back(item.second);
    return out;
  }
  typename std::vector<Item>::const_iterator begin() const { return items_.begin(); }
  typename std::vector<Item>::const_iterator end() const { return items_.end(); }
  typename std::vector<Item>::iterator begin() { return items_.begin(); }
  typename std::vector<Item>::iterator end() { return items_.end(); }

 private:
  std::vector<Item> items_;
  std::unordered_map<Key, size_t> index_;
};

/// Named tensors in a fixed order: parameters, buffers, state dicts, safetensors files.
using TensorDict = OrderedDict<std::string, Tensor>;

}  // namespace mlplay
