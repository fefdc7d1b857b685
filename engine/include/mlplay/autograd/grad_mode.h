#pragma once
/// Whether ops record the autograd graph on this thread (torch::GradMode / torch::NoGradGuard).
namespace mlplay {

/// Thread-local switch read by every op before it records a Node.
struct GradMode {
  static bool is_enabled();
  static void set_enabled(bool enabled);
};

/// Turns recording off for the scope (inference, optimizer steps, weight init), like torch::NoGradGuard.
class NoGradGuard {
 public:
  NoGradGuard() : previous_(GradMode::is_enabled()) { GradMode::set_enabled(false); }
  ~NoGradGuard() { GradMode::set_enabled(previous_); }
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace mlplay
