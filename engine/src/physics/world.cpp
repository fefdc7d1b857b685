#include "mlplay/physics/world.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::physics {

World::World(double width, double height, double gravity, double restitution)
    : width_(width), height_(height), gravity_(gravity), restitution_(restitution) {
  check(std::isfinite(width) && std::isfinite(height) && width > 0 && height > 0, "World: box size must be positive, got ",
        width, " x ", height);
  check(std::isfinite(gravity) && gravity >= 0, "World: gravity must be a finite number >= 0, got ", gravity);
  check(std::isfinite(restitution) && restitution >= 0 && restitution <= 1,
        "World: restitution must be between 0 and 1, got ", restitution);
}

int World::add_ball(const Ball& ball) {
  check(static_cast<int>(balls_.size()) < kMaxBalls, "World::add_ball: at most ", kMaxBalls, " balls");
  check(std::isfinite(ball.mass) && ball.mass > 0, "World::add_ball: mass must be positive, got ", ball.mass);
  check(std::isfinite(ball.radius) && ball.radius > 0 && 2 * ball.radius < std::fmin(width_, height_),
        "World::add_ball: radius must be positive and fit the box, got ", ball.radius);
  check(std::isfinite(ball.vx) && std::isfinite(ball.vy), "World::add_ball: velocity must be finite, got (", ball.vx,
        ", ", ball.vy, ")");
  check(std::isfinite(ball.x) && std::isfinite(ball.y) && ball.x >= ball.radius && ball.x <= width_ - ball.radius &&
            ball.y >= ball.radius && ball.y <= height_ - ball.radius,
        "World::add_ball: ball at (", ball.x, ", ", ball.y, ") with radius ", ball.radius, " is outside the ", width_,
        " x ", height_, " box");
  Ball added = ball;
  if (added.fixed) added.vx = added.vy = 0;
  balls_.push_back(added);
  return static_cast<int>(balls_.size()) - 1;
}

int World::add_spring(int a, int b, double stiffness, double rest_length) {
  const int n = static_cast<int>(balls_.size());
  check(static_cast<int>(springs_.size()) < kMaxSprings, "World::add_spring: at most ", kMaxSprings, " springs");
  check(a >= 0 && a < n && b >= 0 && b < n, "World::add_spring: balls ", a, " and ", b, " must be in [0, ", n, ")");
  check(a != b, "World::add_spring: cannot join ball ", a, " to itself");
  check(std::isfinite(stiffness) && stiffness > 0, "World::add_spring: stiffness must be positive, got ", stiffness);
  check(std::isfinite(rest_length), "World::add_spring: rest length must be finite, got ", rest_length);
  if (rest_length < 0) rest_length = std::hypot(balls_[b].x - balls_[a].x, balls_[b].y - balls_[a].y);
  springs_.push_back({a, b, stiffness, rest_length});
  joined_.insert({std::min(a, b), std::max(a, b)});
  return static_cast<int>(springs_.size()) - 1;
}

void World::set_gravity(double gravity) {
  check(std::isfinite(gravity) && gravity >= 0, "World::set_gravity: gravity must be a finite number >= 0, got ",
        gravity);
  gravity_ = gravity;
}

std::vector<double> World::positions() const {
  std::vector<double> q(2 * balls_.size());
  for (size_t i = 0; i < balls_.size(); ++i) {
    q[2 * i] = balls_[i].x;
    q[2 * i + 1] = balls_[i].y;
  }
  return q;
}

std::vector<double> World::velocities() const {
  std::vector<double> v(2 * balls_.size());
  for (size_t i = 0; i < balls_.size(); ++i) {
    v[2 * i] = balls_[i].vx;
    v[2 * i + 1] = balls_[i].vy;
  }
  return v;
}

void World::set_state(const std::vector<double>& q, const std::vector<double>& v) {
  check(q.size() == 2 * balls_.size() && v.size() == q.size(), "World::set_state: expected ", 2 * balls_.size(),
        " positions and velocities, got ", q.size(), " and ", v.size());
  for (size_t i = 0; i < balls_.size(); ++i) {
    Ball& ball = balls_[i];
    if (ball.fixed) continue;
    ball.x = q[2 * i];
    ball.y = q[2 * i + 1];
    ball.vx = v[2 * i];
    ball.vy = v[2 * i + 1];
  }
}

void World::accelerations(const std::vector<double>& q, std::vector<double>& a) const {
  const size_t n = balls_.size();
  a.assign(2 * n, 0.0);
  // Forces first (N), then divide by mass. Gravity: F = (0, −m g).
  for (size_t i = 0; i < n; ++i) a[2 * i + 1] = -balls_[i].mass * gravity_;
  // Hooke: F_a = k (L − L₀) d/L with d = q_b − q_a pulls a towards b when stretched; F_b = −F_a.
  for (const Spring& s : springs_) {
    const double dx = q[2 * s.b] - q[2 * s.a];
    const double dy = q[2 * s.b + 1] - q[2 * s.a + 1];
    const double length = std::hypot(dx, dy);
    if (length == 0) continue;  // NOTE: direction undefined when the ends coincide; no force.
    const double pull = s.stiffness * (length - s.rest_length) / length;
    a[2 * s.a] += pull * dx;
    a[2 * s.a + 1] += pull * dy;
    a[2 * s.b] -= pull * dx;
    a[2 * s.b + 1] -= pull * dy;
  }
  for (size_t i = 0; i < n; ++i) {
    const double inverse_mass = balls_[i].fixed ? 0.0 : 1.0 / balls_[i].mass;
    a[2 * i] *= inverse_mass;
    a[2 * i + 1] *= inverse_mass;
  }
}

Energy World::energy() const {
  Energy e;
  for (const Ball& ball : balls_) {
    if (ball.fixed) continue;
    e.kinetic += 0.5 * ball.mass * (ball.vx * ball.vx + ball.vy * ball.vy);
    e.gravity += ball.mass * gravity_ * ball.y;
  }
  for (const Spring& s : springs_) {
    const double stretch =
        std::hypot(balls_[s.b].x - balls_[s.a].x, balls_[s.b].y - balls_[s.a].y) - s.rest_length;
    e.spring += 0.5 * s.stiffness * stretch * stretch;
  }
  return e;
}

int World::collide_walls(Ball& ball) const {
  // A ball that has crossed a wall keeps its position and has its normal velocity reversed (scaled
  // by e), so it moves back out over the next steps. For e = 1 this changes no energy at all: the
  // speed is kept and nothing moves. NOTE: moving the ball back to the wall instead would lift it
  // against gravity and springs and add energy at every bounce; only a contact deeper than
  // kDeepContact · radius (dt far too large for the speed) is pushed back to the wall.
  const double e = restitution_;
  const double deep = kDeepContact * ball.radius;
  int contacts = 0;
  auto bounce = [&](double& position, double& velocity, double low, double high) {
    if (position < low) {
      if (velocity < 0) velocity = -e * velocity;
      if (position < low - deep) position = low;
      ++contacts;
    } else if (position > high) {
      if (velocity > 0) velocity = -e * velocity;
      if (position > high + deep) position = high;
      ++contacts;
    }
  };
  bounce(ball.x, ball.vx, ball.radius, width_ - ball.radius);
  bounce(ball.y, ball.vy, ball.radius, height_ - ball.radius);
  return contacts;
}

bool World::collide_pair(Ball& p, Ball& q) const {
  double dx = q.x - p.x, dy = q.y - p.y;
  double distance = std::hypot(dx, dy);
  const double overlap = p.radius + q.radius - distance;
  if (overlap <= 0) return false;
  const double wp = p.fixed ? 0.0 : 1.0 / p.mass;  // inverse masses
  const double wq = q.fixed ? 0.0 : 1.0 / q.mass;
  const double w = wp + wq;
  if (w == 0) return false;
  if (distance == 0) {  // NOTE: centres coincide; separate them along x.
    dx = 1, dy = 0, distance = 1;
  }
  const double nx = dx / distance, ny = dy / distance;  // unit normal from p to q
  bool resolved = false;
  // Impulse J along n if approaching: the relative normal speed u becomes −e·u; momentum is kept,
  // and for e = 1 so is kinetic energy.
  const double u = (q.vx - p.vx) * nx + (q.vy - p.vy) * ny;
  if (u < 0) {
    const double impulse = -(1 + restitution_) * u / w;
    p.vx -= impulse * wp * nx;
    p.vy -= impulse * wp * ny;
    q.vx += impulse * wq * nx;
    q.vy += impulse * wq * ny;
    resolved = true;
  }
  // Only a near pass-through is undone by moving the balls (each by its share of inverse mass;
  // a fixed ball does not move).
  if (overlap > kDeepOverlap * std::fmin(p.radius, q.radius)) {
    p.x -= nx * overlap * wp / w;
    p.y -= ny * overlap * wp / w;
    q.x += nx * overlap * wq / w;
    q.y += ny * overlap * wq / w;
    resolved = true;
  }
  return resolved;
}

int World::collide() {
  int contacts = 0;
  const size_t n = balls_.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (joined_.count({static_cast<int>(i), static_cast<int>(j)}) > 0) continue;
      contacts += collide_pair(balls_[i], balls_[j]);
    }
  }
  for (Ball& ball : balls_) {
    if (!ball.fixed) contacts += collide_walls(ball);
  }
  return contacts;
}

bool World::finite() const {
  for (const Ball& b : balls_) {
    if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.vx) || !std::isfinite(b.vy)) return false;
  }
  return true;
}

}  // namespace mlplay::physics
