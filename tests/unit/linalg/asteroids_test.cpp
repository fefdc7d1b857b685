#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/linalg/asteroids.h"
#include "mlplay/linalg/shapes.h"
#include "mlplay/linalg/transform2d.h"

using namespace mlplay;

namespace {
int64_t total(const std::vector<int32_t>& counts) {
  int64_t sum = 0;
  for (int32_t c : counts) sum += c;
  return sum;
}
}  // namespace

TEST_CASE("an Asteroids frame is every shape transformed by its own matrix", "[asteroids]") {
  AsteroidsGame game(1);
  REQUIRE(game.level() == 1);
  REQUIRE(game.lives() == AsteroidsGame::kLives);
  REQUIRE(game.asteroid_count() == 4);  // 3 + level
  REQUIRE(game.counts().size() == 5);   // ship + 4 asteroids
  REQUIRE(game.kinds()[0] == static_cast<uint8_t>(AsteroidsKind::Ship));
  REQUIRE(static_cast<int64_t>(game.vertices().size()) == 2 * total(game.counts()));
  // The ship's outline is its model times M = T(position) R(angle) S(size).
  const auto expected = transform_points(game.ship_matrix(), shape_vertices("ship"));
  for (size_t k = 0; k < expected.size(); ++k) REQUIRE(game.vertices()[k] == Approx(expected[k]));
}

TEST_CASE("the ship turns, thrusts along its nose and wraps around the edges", "[asteroids]") {
  AsteroidsGame game(2);
  AsteroidsInput left;
  left.left = true;
  for (int i = 0; i < 30; ++i) game.step(1.0 / 60, left);  // half a second at 220 degrees per second
  REQUIRE(game.ship_angle_degrees() == Approx(110));
  REQUIRE(game.ship_velocity().x == 0);

  // The nose now points along R(110) (0, 1) = (−sin 110°, cos 110°): thrust pushes that way.
  AsteroidsInput thrust;
  thrust.thrust = true;
  game.step(0.1, thrust);
  const Vec2 v = game.ship_velocity();
  REQUIRE(std::atan2(v.y, v.x) * 180 / M_PI == Approx(-160));  // 90° (up) + 110° = 200° = -160°
  REQUIRE(game.counts().size() >= 2);
  REQUIRE(game.kinds()[1] == static_cast<uint8_t>(AsteroidsKind::Flame));

  // Keep thrusting: the ship leaves through an edge and comes back through the opposite one.
  for (int i = 0; i < 200 && !game.over(); ++i) {
    game.step(1.0 / 30, thrust);
    const Vec2 p = game.ship_position();
    REQUIRE(p.x >= -AsteroidsGame::kWidth / 2);
    REQUIRE(p.x < AsteroidsGame::kWidth / 2);
    REQUIRE(p.y >= -AsteroidsGame::kHeight / 2);
    REQUIRE(p.y < AsteroidsGame::kHeight / 2);
  }
}

TEST_CASE("bullets leave the nose, fly and expire", "[asteroids]") {
  AsteroidsGame game(3);
  AsteroidsInput fire;
  fire.fire = true;
  game.step(1.0 / 60, fire);
  REQUIRE(game.bullet_count() == 1);
  REQUIRE(game.kinds().back() == static_cast<uint8_t>(AsteroidsKind::Bullet));
  AsteroidsInput none;
  for (int i = 0; i < 60; ++i) game.step(1.0 / 60, none);  // one second > a bullet's 0.9 s life
  REQUIRE(game.bullet_count() == 0);
}

TEST_CASE("shooting breaks asteroids and scores; collisions cost lives; all is reproducible", "[asteroids]") {
  AsteroidsGame game(4);
  AsteroidsGame twin(4);
  AsteroidsInput spin_and_fire;
  spin_and_fire.left = true;
  spin_and_fire.fire = true;
  for (int i = 0; i < 60 * 60 && !game.over(); ++i) {
    game.step(1.0 / 60, spin_and_fire);
    twin.step(1.0 / 60, spin_and_fire);
  }
  REQUIRE(game.score() > 0);
  REQUIRE(game.score() % 10 == 0);
  REQUIRE(game.vertices() == twin.vertices());
  REQUIRE(game.score() == twin.score());

  // A ship that never moves is eventually hit; after the last life the game is over and the ship gone.
  AsteroidsGame sitting(5);
  AsteroidsInput none;
  for (int i = 0; i < 20 * 600 && !sitting.over(); ++i) sitting.step(0.05, none);
  REQUIRE(sitting.lives() == 0);
  REQUIRE(sitting.over());
  for (uint8_t kind : sitting.kinds()) REQUIRE(kind != static_cast<uint8_t>(AsteroidsKind::Ship));
}

TEST_CASE("AsteroidsGame::step rejects a bad time step", "[asteroids]") {
  AsteroidsGame game(1);
  REQUIRE_THROWS_WITH(game.step(-0.1, {}), "AsteroidsGame::step: dt must be 0 to 0.25 seconds, got -0.1");
  REQUIRE_THROWS_AS(game.step(NAN, {}), ValueError);
}
