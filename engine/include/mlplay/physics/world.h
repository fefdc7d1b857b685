#pragma once
/// A 2D world of balls, springs, uniform gravity and a closed box, in SI units (m, kg, s; y up).
///
/// The world knows the physics — forces, energies, collisions — but not how time is stepped:
/// that is the integrator's job (integrator.h). Its state is positions q and velocities v, two
/// values (x, y) per ball, so an integrator can evaluate accelerations at trial positions (RK4).
/// Hooke's law: Millington, "Game Physics Engine Development", ch. 6; Feynman Lectures I, ch. 4.
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace mlplay::physics {

/// A ball (a point mass with a radius for collisions). A fixed ball is an anchor: it never moves,
/// feels no force and has infinite mass in collisions.
struct Ball {
  double x = 0, y = 0;    // position (m)
  double vx = 0, vy = 0;  // velocity (m/s)
  double mass = 1;        // kg
  double radius = 0.2;    // m
  bool fixed = false;
};

/// A Hooke spring between balls a and b: force stiffness · (length − rest_length) along the line.
struct Spring {
  int a = 0, b = 0;
  double stiffness = 0;    // N/m
  double rest_length = 0;  // m
};

/// Energies in joules. Gravitational potential is measured from the floor (y = 0).
struct Energy {
  double kinetic = 0;  // Σ ½ m |v|²
  double gravity = 0;  // Σ m g y
  double spring = 0;   // Σ ½ k (length − rest)²
  double potential() const { return gravity + spring; }
  double total() const { return kinetic + gravity + spring; }
};

class World {
 public:
  inline static constexpr int kMaxBalls = 200;
  inline static constexpr int kMaxSprings = 800;
  /// A ball more than this fraction of its radius into a wall is pushed back out (see collide()).
  inline static constexpr double kDeepContact = 0.5;
  /// Two balls overlapping by more than the smaller radius are pushed apart. NOTE: pushing apart
  /// balls that springs press together raises the spring energy at every step; a shallow limit
  /// (half a radius) let soft jelly pump itself up 4-fold, so only near pass-through is corrected.
  inline static constexpr double kDeepOverlap = 1.0;

  /// A box [0, width] × [0, height]; gravity g ≥ 0 pulls down (−y); restitution e in [0, 1] is
  /// the fraction of normal speed kept in a collision (1: elastic, energy kept).
  World(double width, double height, double gravity = 9.81, double restitution = 1.0);

  /// Adds a ball (it must fit inside the box); returns its index.
  int add_ball(const Ball& ball);
  /// Adds a spring between two different balls; rest_length < 0 means "their current distance".
  /// Returns its index.
  int add_spring(int a, int b, double stiffness, double rest_length = -1);

  void set_gravity(double gravity);
  double gravity() const { return gravity_; }
  double restitution() const { return restitution_; }
  double width() const { return width_; }
  double height() const { return height_; }
  const std::vector<Ball>& balls() const { return balls_; }
  const std::vector<Spring>& springs() const { return springs_; }

  /// q = (x0, y0, x1, y1, …) and v = (vx0, vy0, …), the state an integrator advances.
  std::vector<double> positions() const;
  std::vector<double> velocities() const;
  /// Writes an advanced state back (fixed balls stay where they are, at rest).
  void set_state(const std::vector<double>& q, const std::vector<double>& v);

  /// a = F / m at positions q (2 per ball): gravity plus spring forces; 0 for fixed balls.
  /// The forces depend on positions only, which is what makes Verlet symplectic here.
  void accelerations(const std::vector<double>& q, std::vector<double>& a) const;

  Energy energy() const;

  /// Resolves contacts after a step: a ball against a wall has its normal velocity reversed and
  /// scaled by e; two balls get an impulse along the line of centres. Positions move only for
  /// contacts deeper than kDeepContact (walls) or kDeepOverlap (pairs), so elastic contacts
  /// (e = 1) keep the energy exactly. Balls joined by a spring do not collide with each other (the
  /// spring already acts between them, as Box2D's joints with collideConnected = false): a contact
  /// fighting a compressed spring pumps energy in. Returns the number of contacts resolved.
  int collide();

  /// True while every position and velocity is a finite number.
  bool finite() const;

 private:
  int collide_walls(Ball& ball) const;
  bool collide_pair(Ball& p, Ball& q) const;

  double width_, height_, gravity_, restitution_;
  std::vector<Ball> balls_;
  std::vector<Spring> springs_;
  std::set<std::pair<int, int>> joined_;  // (a, b) with a < b for every spring
};

}  // namespace mlplay::physics
