#include "mlplay/linalg/asteroids.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/linalg/shapes.h"
#include "mlplay/linalg/transform2d.h"

namespace mlplay {
namespace {

constexpr double kTurnRate = 220;         // degrees per second
constexpr double kThrust = 14;            // units per second², along the nose
constexpr double kDrag = 0.5;             // velocity decays as exp(−kDrag t)
constexpr double kMaxSpeed = 12;
constexpr double kShipSize = 0.6;         // model scale; the hit circle has this radius
constexpr double kBulletSpeed = 16;
constexpr double kBulletLife = 0.9;       // seconds
constexpr double kFireInterval = 0.18;    // seconds between shots while fire is held
constexpr size_t kMaxBullets = 8;
constexpr double kRespawnShield = 2.5;    // seconds of invulnerability after losing a life
constexpr double kAsteroidSize[3] = {1.5, 0.85, 0.45};
constexpr int kAsteroidPoints[3] = {20, 50, 100};

/// Wraps a coordinate onto [−extent/2, extent/2): leaving one edge enters at the opposite one.
double wrap(double value, double extent) { return value - extent * std::floor((value + extent / 2) / extent); }

Vec2 wrap(Vec2 p) { return {wrap(p.x, AsteroidsGame::kWidth), wrap(p.y, AsteroidsGame::kHeight)}; }

/// Distance on the torus: the shorter way round in each coordinate.
double torus_distance(Vec2 a, Vec2 b) {
  const Vec2 d = wrap(Vec2{a.x - b.x, a.y - b.y});
  return std::hypot(d.x, d.y);
}

/// M = T(position) · R(angle) · S(size): scale in model space, turn, then move into place.
Mat3 model_matrix(Vec2 position, double degrees, double size) {
  return translation(position.x, position.y) * rotation_degrees(degrees) * scaling(size, size);
}

}  // namespace

AsteroidsGame::AsteroidsGame(uint64_t seed)
    : random_(seed),
      ship_model_(shape_vertices("ship")),
      flame_model_({-0.3f, -0.5f, 0.0f, -1.3f, 0.3f, -0.5f}),
      bullet_model_(shape_vertices("square")) {
  ship_.size = kShipSize;
  start_level();
  build_frame(false);
}

void AsteroidsGame::start_level() {
  // 3 + level large asteroids, none closer than 5 units to the ship.
  for (int i = 0; i < 3 + level_; ++i) {
    Vec2 position;
    do {
      position = {random_.uniform_double() * kWidth - kWidth / 2, random_.uniform_double() * kHeight - kHeight / 2};
    } while (torus_distance(position, ship_.position) < 5);
    asteroids_.push_back(make_asteroid(position, 0));
  }
}

AsteroidsGame::Body AsteroidsGame::make_asteroid(Vec2 position, int generation) {
  Body rock;
  rock.position = position;
  const double heading = random_.uniform_double() * 2 * std::numbers::pi;
  const double speed = (1.0 + 1.5 * random_.uniform_double()) * (1.0 + 0.5 * generation);
  rock.velocity = rotation(heading).apply_direction({speed, 0});
  rock.angle = random_.uniform_double() * 360;
  rock.spin = (random_.uniform_double() - 0.5) * 120;
  rock.size = kAsteroidSize[generation];
  rock.generation = generation;
  // A jagged outline: 9 to 12 corners around the unit circle at radius 0.75 to 1.
  const int corners = 9 + static_cast<int>(random_.randint(4));
  for (int k = 0; k < corners; ++k) {
    const double radius = 0.75 + 0.25 * random_.uniform_double();
    const Vec2 corner = rotation(2 * std::numbers::pi * k / corners).apply({radius, 0});
    rock.model.push_back(static_cast<float>(corner.x));
    rock.model.push_back(static_cast<float>(corner.y));
  }
  return rock;
}

void AsteroidsGame::break_asteroid(size_t index) {
  const Body rock = asteroids_[index];
  asteroids_.erase(asteroids_.begin() + static_cast<std::ptrdiff_t>(index));
  score_ += kAsteroidPoints[rock.generation];
  if (rock.generation < 2) {
    for (int k = 0; k < 2; ++k) asteroids_.push_back(make_asteroid(rock.position, rock.generation + 1));
  }
}

void AsteroidsGame::step(double dt, const AsteroidsInput& input) {
  check(std::isfinite(dt) && dt >= 0 && dt <= 0.25, "AsteroidsGame::step: dt must be 0 to 0.25 seconds, got ", dt);
  // Small fixed pieces keep fast bullets from jumping over small asteroids.
  const int pieces = std::max(1, static_cast<int>(std::ceil(dt * 60)));
  for (int i = 0; i < pieces; ++i) advance(dt / pieces, input);
  build_frame(input.thrust && !over());
}

void AsteroidsGame::advance(double dt, const AsteroidsInput& input) {
  time_ += dt;
  const auto move = [dt](Body& body) {
    body.position = wrap(Vec2{body.position.x + body.velocity.x * dt, body.position.y + body.velocity.y * dt});
    body.angle = std::fmod(body.angle + body.spin * dt, 360.0);
  };
  for (auto& rock : asteroids_) move(rock);
  for (auto& bullet : bullets_) {
    move(bullet);
    bullet.life -= dt;
  }
  std::erase_if(bullets_, [](const Body& b) { return b.life <= 0; });

  if (!over()) {
    // Turn, then push along the nose: R(angle) (0, 1, 0) — a direction, so no translation.
    ship_.spin = (input.left ? kTurnRate : 0) - (input.right ? kTurnRate : 0);
    const Vec2 nose = rotation_degrees(ship_.angle).apply_direction({0, 1});
    if (input.thrust) {
      ship_.velocity.x += nose.x * kThrust * dt;
      ship_.velocity.y += nose.y * kThrust * dt;
    }
    const double decay = std::exp(-kDrag * dt);
    ship_.velocity = {ship_.velocity.x * decay, ship_.velocity.y * decay};
    const double speed = std::hypot(ship_.velocity.x, ship_.velocity.y);
    if (speed > kMaxSpeed) ship_.velocity = {ship_.velocity.x * kMaxSpeed / speed, ship_.velocity.y * kMaxSpeed / speed};
    move(ship_);

    cooldown_ = std::max(0.0, cooldown_ - dt);
    if (input.fire && cooldown_ == 0 && bullets_.size() < kMaxBullets) {
      // The bullet starts at the nose: the ship's matrix applied to the model point (0, 1, 1).
      Body bullet;
      bullet.position = ship_matrix().apply({0, 1});
      const Vec2 aim = rotation_degrees(ship_.angle).apply_direction({0, kBulletSpeed});
      bullet.velocity = {ship_.velocity.x + aim.x, ship_.velocity.y + aim.y};
      bullet.size = 0.07;
      bullet.life = kBulletLife;
      bullets_.push_back(bullet);
      cooldown_ = kFireInterval;
    }
    invulnerable_ = std::max(0.0, invulnerable_ - dt);
  }

  // Bullets against asteroids: circle tests with the asteroid's size as radius.
  for (size_t b = 0; b < bullets_.size();) {
    bool hit = false;
    for (size_t a = 0; a < asteroids_.size(); ++a) {
      if (torus_distance(bullets_[b].position, asteroids_[a].position) < asteroids_[a].size) {
        break_asteroid(a);
        hit = true;
        break;
      }
    }
    if (hit) {
      bullets_.erase(bullets_.begin() + static_cast<std::ptrdiff_t>(b));
    } else {
      ++b;
    }
  }

  // The ship against asteroids (0.8 of the outer radius: the outlines are jagged).
  if (!over() && invulnerable_ == 0) {
    for (size_t a = 0; a < asteroids_.size(); ++a) {
      if (torus_distance(ship_.position, asteroids_[a].position) < 0.8 * asteroids_[a].size + kShipSize * 0.75) {
        break_asteroid(a);
        --lives_;
        ship_.position = {0, 0};
        ship_.velocity = {0, 0};
        ship_.angle = 0;
        invulnerable_ = kRespawnShield;
        break;
      }
    }
  }
  if (asteroids_.empty()) {
    ++level_;
    start_level();
  }
}

Mat3 AsteroidsGame::ship_matrix() const { return model_matrix(ship_.position, ship_.angle, ship_.size); }

void AsteroidsGame::build_frame(bool thrusting) {
  // Gather one matrix and one model outline per shape, then transform them all in one call.
  std::vector<float> matrices;
  std::vector<float> models;
  counts_.clear();
  kinds_.clear();
  const auto add = [&](const Mat3& m, const std::vector<float>& model, AsteroidsKind kind) {
    for (double entry : m.data()) matrices.push_back(static_cast<float>(entry));
    models.insert(models.end(), model.begin(), model.end());
    counts_.push_back(static_cast<int32_t>(model.size() / 2));
    kinds_.push_back(static_cast<uint8_t>(kind));
  };
  if (!over()) {
    const Mat3 ship = ship_matrix();
    add(ship, ship_model_, AsteroidsKind::Ship);
    if (thrusting) add(ship, flame_model_, AsteroidsKind::Flame);
  }
  for (const auto& rock : asteroids_) add(model_matrix(rock.position, rock.angle, rock.size), rock.model, AsteroidsKind::Asteroid);
  for (const auto& bullet : bullets_) add(model_matrix(bullet.position, 0, bullet.size), bullet_model_, AsteroidsKind::Bullet);
  vertices_ = transform_batch(matrices, counts_, models);
}

}  // namespace mlplay
