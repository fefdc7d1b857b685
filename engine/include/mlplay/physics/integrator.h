#pragma once
/// Four ways to step Newton's equations  dq/dt = v,  dv/dt = a(q)  forward by dt.
///
///   euler          q' = q + dt v,            v' = v + dt a(q)            (explicit; energy grows)
///   semi-implicit  v' = v + dt a(q),         q' = q + dt v'              (symplectic Euler)
///   verlet         q' = q + dt v + ½dt² a(q), v' = v + ½dt (a(q) + a(q'))  (velocity Verlet)
///   rk4            classic fourth-order Runge–Kutta on (q, v)
///
/// Hairer, Lubich & Wanner, "Geometric numerical integration illustrated by the Störmer–Verlet
/// method", Acta Numerica 2003; Millington, "Game Physics Engine Development", ch. 3.
#include <string>
#include <string_view>

#include "mlplay/physics/world.h"

namespace mlplay::physics {

enum class Integrator { kEuler, kSemiImplicitEuler, kVerlet, kRk4 };

/// "euler", "semi-implicit", "verlet" or "rk4".
std::string integrator_name(Integrator integrator);
/// The inverse of integrator_name; throws ValueError naming the bad text and the choices.
Integrator parse_integrator(std::string_view name);

/// Advances the world by one step of dt seconds, then resolves collisions (the same for all four).
void step(World& world, Integrator integrator, double dt);

}  // namespace mlplay::physics
