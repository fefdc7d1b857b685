#include "mlplay/physics/integrator.h"

#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::physics {
namespace {

using State = std::vector<double>;  // (x0, y0, x1, y1, …): 2 numbers per ball

// out = x + h · y, elementwise.
void axpy(const State& x, double h, const State& y, State& out) {
  out.resize(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = x[i] + h * y[i];
}

void euler(const World& world, State& q, State& v, double dt) {
  State a;
  world.accelerations(q, a);  // both updates use the old state
  axpy(q, dt, v, q);
  axpy(v, dt, a, v);
}

void semi_implicit_euler(const World& world, State& q, State& v, double dt) {
  State a;
  world.accelerations(q, a);
  axpy(v, dt, a, v);  // new velocity first…
  axpy(q, dt, v, q);  // …then position moves with it
}

void verlet(const World& world, State& q, State& v, double dt) {
  // NOTE: a loop of Verlet steps could reuse a(q') as the next step's a(q); collisions move balls
  // between steps, so recomputing keeps each step self-contained.
  State a0, a1;
  world.accelerations(q, a0);
  for (size_t i = 0; i < q.size(); ++i) q[i] += dt * v[i] + 0.5 * dt * dt * a0[i];
  world.accelerations(q, a1);
  for (size_t i = 0; i < v.size(); ++i) v[i] += 0.5 * dt * (a0[i] + a1[i]);
}

void rk4(const World& world, State& q, State& v, double dt) {
  // y = (q, v), y' = f(y) = (v, a(q)). k_i = (kq_i, kv_i).
  State kv1, kv2, kv3, kv4, q2, q3, q4, kq2, kq3, kq4;
  world.accelerations(q, kv1);                   // kq1 = v
  axpy(q, dt / 2, v, q2);                        // q + dt/2 kq1
  axpy(v, dt / 2, kv1, kq2);                     // kq2 = v + dt/2 kv1
  world.accelerations(q2, kv2);
  axpy(q, dt / 2, kq2, q3);
  axpy(v, dt / 2, kv2, kq3);
  world.accelerations(q3, kv3);
  axpy(q, dt, kq3, q4);
  axpy(v, dt, kv3, kq4);
  world.accelerations(q4, kv4);
  for (size_t i = 0; i < q.size(); ++i) {
    q[i] += dt / 6 * (v[i] + 2 * kq2[i] + 2 * kq3[i] + kq4[i]);
    v[i] += dt / 6 * (kv1[i] + 2 * kv2[i] + 2 * kv3[i] + kv4[i]);
  }
}

}  // namespace

std::string integrator_name(Integrator integrator) {
  switch (integrator) {
    case Integrator::kEuler: return "euler";
    case Integrator::kSemiImplicitEuler: return "semi-implicit";
    case Integrator::kVerlet: return "verlet";
    case Integrator::kRk4: return "rk4";
  }
  return "?";
}

Integrator parse_integrator(std::string_view name) {
  for (Integrator i : {Integrator::kEuler, Integrator::kSemiImplicitEuler, Integrator::kVerlet, Integrator::kRk4}) {
    if (name == integrator_name(i)) return i;
  }
  throw ValueError(detail::concat("integrator: unknown integrator '", name,
                                  "'; expected euler, semi-implicit, verlet or rk4"));
}

void step(World& world, Integrator integrator, double dt) {
  check(std::isfinite(dt) && dt > 0, "step: time step dt must be a positive number of seconds, got ", dt);
  State q = world.positions();
  State v = world.velocities();
  switch (integrator) {
    case Integrator::kEuler: euler(world, q, v, dt); break;
    case Integrator::kSemiImplicitEuler: semi_implicit_euler(world, q, v, dt); break;
    case Integrator::kVerlet: verlet(world, q, v, dt); break;
    case Integrator::kRk4: rk4(world, q, v, dt); break;
  }
  world.set_state(q, v);
  world.collide();
}

}  // namespace mlplay::physics
