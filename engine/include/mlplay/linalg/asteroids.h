#pragma once
/// A small Asteroids game where every object is a shape in its own model coordinates, placed on the
/// screen by its model matrix M = T(position) · R(angle) · S(size) — nothing else moves a vertex.
/// Each step builds all the matrices and transforms every vertex of the frame in one transform_batch
/// call. The thrust direction is the ship's matrix applied to the direction (0, 1, 0): w = 0, so the
/// translation part drops out. The world is a torus, kWidth × kHeight, centred on the origin.
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/linalg/mat3.h"

namespace mlplay {

/// Which keys are held during a step.
struct AsteroidsInput {
  bool left = false;
  bool right = false;
  bool thrust = false;
  bool fire = false;
};

/// What each shape of a frame is, for the page's colours.
enum class AsteroidsKind : uint8_t { Ship = 0, Flame = 1, Asteroid = 2, Bullet = 3 };

class AsteroidsGame {
 public:
  static constexpr double kWidth = 20.0;
  static constexpr double kHeight = 15.0;
  static constexpr int kLives = 3;

  /// A new game at level 1; the same seed gives the same asteroids.
  explicit AsteroidsGame(uint64_t seed);

  /// Advances the game by dt seconds (0 to 0.25; longer steps are split into pieces of at most
  /// 1/60 s) with the given keys held, then computes the frame.
  void step(double dt, const AsteroidsInput& input);

  /// Every transformed vertex of the frame [x0, y0, …] in world units, shape after shape.
  const std::vector<float>& vertices() const { return vertices_; }
  /// Points per shape, and what each shape is (AsteroidsKind).
  const std::vector<int32_t>& counts() const { return counts_; }
  const std::vector<uint8_t>& kinds() const { return kinds_; }

  /// The ship's model matrix T(position) · R(angle) · S(size).
  Mat3 ship_matrix() const;
  Vec2 ship_position() const { return ship_.position; }
  Vec2 ship_velocity() const { return ship_.velocity; }
  double ship_angle_degrees() const { return ship_.angle; }
  bool invulnerable() const { return invulnerable_ > 0; }

  int score() const { return score_; }
  int lives() const { return lives_; }
  int level() const { return level_; }
  bool over() const { return lives_ == 0; }
  int asteroid_count() const { return static_cast<int>(asteroids_.size()); }
  int bullet_count() const { return static_cast<int>(bullets_.size()); }
  double time() const { return time_; }

 private:
  struct Body {
    Vec2 position;
    Vec2 velocity;
    double angle = 0;  // degrees, counter-clockwise
    double spin = 0;   // degrees per second
    double size = 1;   // the model is scaled by this
    double life = 0;   // bullets: seconds left
    int generation = 0;          // asteroids: 0 large, 1 medium, 2 small
    std::vector<float> model;    // asteroids: their own jagged outline
  };

  void advance(double dt, const AsteroidsInput& input);
  void start_level();
  Body make_asteroid(Vec2 position, int generation);
  void break_asteroid(size_t index);
  void build_frame(bool thrusting);

  Generator random_;
  Body ship_;
  std::vector<Body> asteroids_;
  std::vector<Body> bullets_;
  std::vector<float> ship_model_, flame_model_, bullet_model_;
  std::vector<float> vertices_;
  std::vector<int32_t> counts_;
  std::vector<uint8_t> kinds_;
  double cooldown_ = 0;
  double invulnerable_ = 0;
  double time_ = 0;
  int score_ = 0;
  int lives_ = kLives;
  int level_ = 1;
};

}  // namespace mlplay
