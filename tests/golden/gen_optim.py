#!/usr/bin/python3
"""Writes tests/unit/generated/optim_golden.h: 20-step trajectories of every mlplay optimizer and
learning-rate scheduler, computed by PyTorch (Debian's python3-torch, 1.13) on a small fixed problem.

    apt-get install -y python3-torch
    /usr/bin/python3 tests/golden/gen_optim.py      # from the repository root

The C++ test (tests/unit/optim/optim_golden_test.cpp) rebuilds the same problem with the engine's own
autograd, so it checks the ops and the optimizers together. Each case's hyperparameters are written
as a "key=value ..." string that the test parses, so they are stated once, here.

The problem: parameters W (3, 4) and b (3,) (and u (2,), which the loss never uses, so its grad
stays None and every optimizer must skip it), data x (5, 4) and y (5, 3), and
    loss = mean((x @ W^T + b - y)^2) + 0.1 * sum(tanh(W)^2) + 0.01 * sum(b^4).
Each step: zero_grad(set_to_none=True) -> loss -> backward -> [clip] -> optimizer.step() -> [scheduler.step()].
"""
import math
import os
import sys

import torch

STEPS = 20
torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


def fixed(n, seed):
    """n fixed numbers in about [-1, 1], from sines (no random generator, so they never change)."""
    return [round(math.sin(seed * 12.9898 + i * 78.233) * 0.9, 3) for i in range(n)]


X = torch.tensor(fixed(20, 1)).reshape(5, 4)
Y = torch.tensor(fixed(15, 2)).reshape(5, 3)
W0 = torch.tensor(fixed(12, 3)).reshape(3, 4)
B0 = torch.tensor(fixed(3, 4))
U0 = torch.tensor([0.5, -0.25])
# The metric fed to ReduceLROnPlateau.step at each step (fixed, so its decisions never hinge on
# float rounding of a loss).
PLATEAU_METRICS = [1.0, 0.9, 0.85, 0.85, 0.86, 0.849, 1.2, 0.7, 0.7, 0.7,
                   0.71, 0.7, 0.7, 0.7, 0.7, 0.7, 1.35, 0.7, 0.7, 0.7]


def loss_fn(w, b):
    residual = X @ w.t() + b - Y  # x (5, 4) @ W^T (4, 3) + b (3,) -> (5, 3)
    return (residual ** 2).mean() + 0.1 * (torch.tanh(w) ** 2).sum() + 0.01 * (b * b * b * b).sum()


class Lion(torch.optim.Optimizer):
    """lucidrains/lion-pytorch's Lion (Chen et al. 2023), which PyTorch 1.13 lacks."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd, (beta1, beta2) = group['lr'], group['weight_decay'], group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg = state['exp_avg']
                p.data.mul_(1 - lr * wd)
                update = exp_avg.clone().mul_(beta1).add(p.grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-lr)
                exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)


def parse(spec):
    out = {}
    for item in spec.split():
        key, value = item.split('=')
        out[key] = value
    return out


def make_optimizer(kind, spec, params):
    o = {k: float(v) for k, v in parse(spec).items() if k not in ('clip_norm', 'clip_value')}
    betas = (o.pop('beta1', 0.9), o.pop('beta2', 0.999 if kind in ('Adam', 'AdamW') else 0.99))
    for flag in ('nesterov', 'amsgrad', 'centered'):
        if flag in o:
            o[flag] = bool(o[flag])
    if kind == 'SGD':
        return torch.optim.SGD(params, foreach=False, **o)
    if kind == 'Adagrad':
        return torch.optim.Adagrad(params, foreach=False, **o)
    if kind == 'RMSprop':
        return torch.optim.RMSprop(params, foreach=False, **o)
    if kind == 'Adam':
        return torch.optim.Adam(params, betas=betas, foreach=False, **o)
    if kind == 'AdamW':
        return torch.optim.AdamW(params, betas=betas, foreach=False, **o)
    if kind == 'Lion':
        return Lion(params, betas=betas, **o)
    raise ValueError(kind)


def make_scheduler(kind, spec, opt):
    s = parse(spec)
    S = torch.optim.lr_scheduler
    if kind == '':
        return None
    if kind == 'StepLR':
        return S.StepLR(opt, int(s['step_size']), float(s['gamma']))
    if kind == 'CosineAnnealingLR':
        return S.CosineAnnealingLR(opt, int(s['T_max']), float(s['eta_min']))
    if kind == 'LinearWarmup':
        return S.LinearLR(opt, start_factor=float(s.get('start_factor', 1 / 3)), end_factor=1.0,
                          total_iters=int(s.get('warmup_steps', 5)))
    if kind == 'OneCycleLR':
        return S.OneCycleLR(opt, float(s['max_lr']), total_steps=int(s['total_steps']),
                            pct_start=float(s.get('pct_start', 0.3)), anneal_strategy=s.get('anneal', 'cos'),
                            div_factor=float(s.get('div_factor', 25)),
                            final_div_factor=float(s.get('final_div_factor', 1e4)),
                            cycle_momentum=False)  # mlplay's OneCycleLR schedules the lr only
    if kind == 'ReduceLROnPlateau':
        return S.ReduceLROnPlateau(opt, mode=s.get('mode', 'min'), factor=float(s.get('factor', 0.1)),
                                   patience=int(s.get('patience', 10)), threshold=float(s.get('threshold', 1e-4)),
                                   threshold_mode=s.get('threshold_mode', 'rel'),
                                   cooldown=int(s.get('cooldown', 0)), min_lr=float(s.get('min_lr', 0)))
    raise ValueError(kind)


# (name, optimizer, optimizer options, scheduler, scheduler options)
CASES = [
    ('sgd_plain', 'SGD', 'lr=0.1', '', ''),
    ('sgd_momentum_nesterov_weight_decay', 'SGD', 'lr=0.05 momentum=0.9 nesterov=1 weight_decay=0.01', '', ''),
    ('sgd_momentum_dampening', 'SGD', 'lr=0.05 momentum=0.8 dampening=0.3', '', ''),
    ('sgd_clip_grad_norm', 'SGD', 'lr=0.1 momentum=0.5 clip_norm=0.5', '', ''),
    ('sgd_clip_grad_value', 'SGD', 'lr=0.1 clip_value=0.2', '', ''),
    ('adagrad_plain', 'Adagrad', 'lr=0.1', '', ''),
    ('adagrad_lr_decay_weight_decay', 'Adagrad',
     'lr=0.2 lr_decay=0.05 weight_decay=0.01 initial_accumulator_value=0.1 eps=1e-6', '', ''),
    ('rmsprop_plain', 'RMSprop', 'lr=0.01', '', ''),
    ('rmsprop_centered_momentum_weight_decay', 'RMSprop',
     'lr=0.005 alpha=0.9 momentum=0.8 centered=1 weight_decay=0.01', '', ''),
    ('rmsprop_momentum_eps', 'RMSprop', 'lr=0.01 momentum=0.5 eps=1e-4', '', ''),
    ('adam_plain', 'Adam', 'lr=0.05', '', ''),
    ('adam_amsgrad_weight_decay', 'Adam', 'lr=0.05 beta1=0.8 beta2=0.99 amsgrad=1 weight_decay=0.1 eps=1e-6', '', ''),
    ('adamw_default_decay', 'AdamW', 'lr=0.05', '', ''),
    ('adamw_amsgrad', 'AdamW', 'lr=0.05 beta1=0.85 beta2=0.95 amsgrad=1 weight_decay=0.1', '', ''),
    ('lion_plain', 'Lion', 'lr=0.01', '', ''),
    ('lion_betas_weight_decay', 'Lion', 'lr=0.005 beta1=0.95 beta2=0.98 weight_decay=0.5', '', ''),
    ('step_lr', 'SGD', 'lr=0.1 momentum=0.9', 'StepLR', 'step_size=5 gamma=0.5'),
    ('cosine_annealing_lr', 'SGD', 'lr=0.1 momentum=0.9', 'CosineAnnealingLR', 'T_max=8 eta_min=0.01'),
    ('one_cycle_lr_cos', 'SGD', 'lr=0.1 momentum=0.9', 'OneCycleLR', 'max_lr=0.2 total_steps=20'),
    ('one_cycle_lr_linear', 'Adam', 'lr=0.01', 'OneCycleLR',
     'max_lr=0.1 total_steps=25 pct_start=0.25 anneal=linear div_factor=10 final_div_factor=100'),
    ('reduce_lr_on_plateau_default', 'SGD', 'lr=0.1 momentum=0.9', 'ReduceLROnPlateau', ''),
    ('reduce_lr_on_plateau_max_abs_cooldown', 'SGD', 'lr=0.1', 'ReduceLROnPlateau',
     'mode=max factor=0.5 patience=2 threshold=0.1 threshold_mode=abs cooldown=1 min_lr=0.02'),
    ('linear_warmup', 'AdamW', 'lr=0.05', 'LinearWarmup', 'warmup_steps=8 start_factor=0.25'),
    ('linear_warmup_default', 'SGD', 'lr=0.1', 'LinearWarmup', ''),
]


def run(case):
    _, kind, spec, sched_kind, sched_spec = case
    w = W0.clone().requires_grad_()
    b = B0.clone().requires_grad_()
    u = U0.clone().requires_grad_()
    opt = make_optimizer(kind, spec, [w, b, u])
    sched = make_scheduler(sched_kind, sched_spec, opt)
    o = parse(spec)
    params, losses, lrs = [], [], []
    for step in range(STEPS):
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(w, b)
        loss.backward()
        if 'clip_norm' in o:
            torch.nn.utils.clip_grad_norm_([w, b, u], float(o['clip_norm']))
        if 'clip_value' in o:
            torch.nn.utils.clip_grad_value_([w, b, u], float(o['clip_value']))
        opt.step()
        if sched_kind == 'ReduceLROnPlateau':
            sched.step(PLATEAU_METRICS[step])
        elif sched is not None:
            sched.step()
        losses.append(loss.item())
        params.extend(w.detach().flatten().tolist() + b.detach().tolist())
        lrs.append(opt.param_groups[0]['lr'])
    assert torch.equal(u.detach(), U0), 'u has no grad and must never move'
    return params, losses, lrs


def literal(value, is_float):
    """A C++ literal: 9 significant digits round-trip a float32; repr round-trips a double."""
    text = '{:.9g}'.format(value) if is_float else repr(float(value))
    if not any(c in text for c in '.en'):  # "1" -> "1.0", so "1.0f" is a valid float literal
        text += '.0'
    return text + ('f' if is_float else '')


def floats(values, per_line=6, is_float=True):
    items = [literal(v, is_float) for v in values]
    lines = [', '.join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return ',\n    '.join(lines)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, 'tests', 'unit', 'generated', 'optim_golden.h')
    out = []
    out.append('#pragma once\n')
    out.append(f'// GENERATED by tests/golden/gen_optim.py with PyTorch {torch.__version__} (Debian python3-torch); do not edit.\n')
    out.append('// Regenerate from the repository root: /usr/bin/python3 tests/golden/gen_optim.py\n')
    out.append('// (needs Debian\'s python3-torch). See the script for the problem and the step order.\n')
    out.append('#include <cstdint>\n\nnamespace mlplay::golden::optim {\n\n')
    out.append(f'inline constexpr int kSteps = {STEPS};\n')
    out.append('/// Parameter values per step: W (3, 4) row-major, then b (3,).\n')
    out.append('inline constexpr int kParamsPerStep = 15;\n\n')
    for name, t in (('kX', X), ('kY', Y), ('kW0', W0), ('kB0', B0), ('kU0', U0)):
        shape = ', '.join(str(s) for s in t.shape) + (',' if t.dim() == 1 else '')
        out.append(f'/// ({shape})\ninline constexpr float {name}[] = {{\n    {floats(t.flatten().tolist())}}};\n')
    metrics = floats(PLATEAU_METRICS, 10, is_float=False)
    out.append(f'/// The metric passed to ReduceLROnPlateau.step at each step.\n'
               f'inline constexpr double kPlateauMetrics[] = {{\n    {metrics}}};\n\n')
    out.append('struct Case {\n'
               '  const char* name;\n'
               '  const char* optimizer;          // SGD, Adagrad, RMSprop, Adam, AdamW or Lion\n'
               '  const char* options;            // "key=value ..." (clip_norm / clip_value: clip before step)\n'
               '  const char* scheduler;          // "" or the scheduler class\n'
               '  const char* scheduler_options;  // "key=value ..."\n'
               '  const float* params;            // (kSteps, kParamsPerStep): after each step\n'
               '  const float* losses;            // (kSteps): the loss before each step\n'
               '  const double* lrs;              // (kSteps): the optimizer lr after each step\n'
               '};\n\n')
    for case in CASES:
        params, losses, lrs = run(case)
        n = case[0]
        out.append(f'inline constexpr float k_{n}_params[] = {{\n    {floats(params)}}};\n')
        out.append(f'inline constexpr float k_{n}_losses[] = {{\n    {floats(losses)}}};\n')
        out.append(f'inline constexpr double k_{n}_lrs[] = {{\n    {floats(lrs, 4, is_float=False)}}};\n\n')
    out.append('inline constexpr Case kCases[] = {\n')
    for n, kind, spec, sched, sched_spec in CASES:
        out.append(f'    {{"{n}", "{kind}", "{spec}", "{sched}", "{sched_spec}",\n'
                   f'     k_{n}_params, k_{n}_losses, k_{n}_lrs}},\n')
    out.append('};\n\n}  // namespace mlplay::golden::optim\n')
    with open(path, 'w') as f:
        f.write(''.join(out))
    print(f'wrote {path}: {len(CASES)} cases', file=sys.stderr)


if __name__ == '__main__':
    main()
