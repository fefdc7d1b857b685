#!/usr/bin/python3
"""Writes tests/unit/generated/ops_golden.h: the forward value of every mlplay op and the gradient of
every differentiable input, computed by PyTorch (Debian's python3-torch, 1.13), for fixed inputs.

    apt-get install -y python3-torch
    /usr/bin/python3 tests/golden/gen_ops.py      # from the repository root

The header is a table: each case names an op, its arguments ("key=value ..."), its inputs and the output
shape; one float array holds, in order, every input as stored, the output, the upstream gradient g
(of the output's shape) and the gradient of sum(output * g) for each input marked g. The C++ test
(tests/unit/ops/ops_golden_test.cpp) maps each op name to the engine call, as OPS does here.

An input is "name:shape:layout:grad". layout c: contiguous; t: stored with its last two dims swapped
and then transposed (a non-contiguous view); s: stored with its last dim twice as long and sliced with
step 2. Gradients are of the stored tensor, in its stored layout.
"""
import math
import os
import sys

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'tests', 'unit', 'generated', 'ops_golden.h')


def sines(n, seed, scale=0.9):
    """n fixed numbers in about [-scale, scale], from sines (no random generator)."""
    return [round(math.sin(seed * 12.9898 + i * 78.233) * scale, 3) for i in range(n)]


def values(kind, n, seed):
    """x: about [-1.8, 1.8]; q: multiples of 0.5 in [-1, 1] (ties and zeros); p: positive; L: large, about
    [-36, 36] (overflow-prone exponentials);
    u: in [0, 1]; b: 0 or 1; iN: whole numbers in [0, N)."""
    s = sines(n, seed)
    if kind == 'x':
        return [2 * v for v in s]
    if kind == 'q':
        return [round(v * 2.2) / 2 for v in s]
    if kind == 'p':
        return [abs(v) * 1.5 + 0.25 for v in s]
    if kind == 'L':
        return [40 * v for v in s]
    if kind == 'u':
        return [round((v / 0.9 + 1) / 2, 3) for v in s]
    if kind == 'b':
        return [1.0 if v > 0 else 0.0 for v in s]
    if kind[0] == 'i':
        return [float(int(abs(v) * 1000 + 7 * i) % int(kind[1:])) for i, v in enumerate(s)]
    raise ValueError(kind)


def args_of(text):
    out = {}
    for item in text.split():
        key, value = item.split('=')
        out[key] = value
    return out


def ints(text):
    return tuple(int(v) for v in text.split(','))


def pair(text):
    v = ints(text)
    return v if len(v) == 2 else (v[0], v[0])


def reduction(a):
    return a.get('reduction', 'mean')


def sdpa(q, k, v, mask, a):
    scale = float(a['scale']) if 'scale' in a else 1 / math.sqrt(q.shape[-1])
    scores = q @ k.transpose(-2, -1) * scale  # (..., L, E) @ (..., E, S) -> (..., L, S)
    if mask is not None:
        scores = scores + mask
    if a.get('causal') == '1':
        L, S = scores.shape[-2:]
        scores = scores.masked_fill(torch.ones(L, S, dtype=torch.bool).triu(1), float('-inf'))
    return torch.softmax(scores, -1) @ v


def batch_norm_stats(t, a):
    rm, rv = t[1].clone(), t[2].clone()
    F.batch_norm(t[0], rm, rv, training=True, momentum=float(a.get('momentum', 0.1)))
    return torch.stack([rm, rv])


def opt(t, i):
    return t[i] if len(t) > i else None


# op name -> (inputs, args) -> output; mirrored by run_op() in ops_golden_test.cpp
OPS = {
    'add': lambda t, a: t[0] + t[1],
    'sub': lambda t, a: t[0] - t[1],
    'mul': lambda t, a: t[0] * t[1],
    'div': lambda t, a: t[0] / t[1],
    'pow': lambda t, a: torch.pow(t[0], t[1]),
    'pow_scalar': lambda t, a: torch.pow(t[0], float(a['exponent'])),
    'maximum': lambda t, a: torch.maximum(t[0], t[1]),
    'minimum': lambda t, a: torch.minimum(t[0], t[1]),
    'where': lambda t, a: torch.where(t[0] != 0, t[1], t[2]),
    'neg': lambda t, a: -t[0],
    'exp': lambda t, a: torch.exp(t[0]),
    'log': lambda t, a: torch.log(t[0]),
    'sqrt': lambda t, a: torch.sqrt(t[0]),
    'abs': lambda t, a: torch.abs(t[0]),
    'erf': lambda t, a: torch.erf(t[0]),
    'clamp': lambda t, a: torch.clamp(t[0], float(a['low']), float(a['high'])),
    'eq': lambda t, a: (t[0] == t[1]).float(),
    'ne': lambda t, a: (t[0] != t[1]).float(),
    'lt': lambda t, a: (t[0] < t[1]).float(),
    'le': lambda t, a: (t[0] <= t[1]).float(),
    'gt': lambda t, a: (t[0] > t[1]).float(),
    'ge': lambda t, a: (t[0] >= t[1]).float(),
    'sign': lambda t, a: torch.sign(t[0]),
    'matmul': lambda t, a: torch.matmul(t[0], t[1]),
    'sum': lambda t, a: t[0].sum() if 'dims' not in a else t[0].sum(ints(a['dims']), keepdim=a.get('keepdim') == '1'),
    'mean': lambda t, a: t[0].mean() if 'dims' not in a else t[0].mean(ints(a['dims']), keepdim=a.get('keepdim') == '1'),
    'var': lambda t, a: t[0].var(ints(a['dims']), unbiased=a.get('unbiased', '1') == '1', keepdim=a.get('keepdim') == '1'),
    'amax': lambda t, a: t[0].amax(ints(a['dims']), keepdim=a.get('keepdim') == '1'),
    'amin': lambda t, a: t[0].amin(ints(a['dims']), keepdim=a.get('keepdim') == '1'),
    'max_all': lambda t, a: t[0].max(),
    'min_all': lambda t, a: t[0].min(),
    'max_dim': lambda t, a: t[0].max(int(a['dim']), keepdim=a.get('keepdim') == '1')[0],
    'min_dim': lambda t, a: t[0].min(int(a['dim']), keepdim=a.get('keepdim') == '1')[0],
    'argmax': lambda t, a: t[0].argmax(int(a['dim']), keepdim=a.get('keepdim') == '1').float(),
    'argmin': lambda t, a: t[0].argmin(int(a['dim']), keepdim=a.get('keepdim') == '1').float(),
    'reshape': lambda t, a: t[0].reshape(ints(a['shape'])),
    'permute': lambda t, a: t[0].permute(ints(a['dims'])),
    'transpose': lambda t, a: t[0].transpose(*ints(a['dims'])),
    'expand': lambda t, a: t[0].expand(ints(a['shape'])),
    'slice': lambda t, a: slice_op(t[0], *ints(a['range'])),
    'select': lambda t, a: t[0].select(*ints(a['at'])),
    'narrow': lambda t, a: t[0].narrow(*ints(a['at'])),
    'unsqueeze': lambda t, a: t[0].unsqueeze(int(a['dim'])),
    'squeeze': lambda t, a: t[0].squeeze(int(a['dim'])),
    'flatten': lambda t, a: t[0].flatten(*ints(a.get('dims', '0,-1'))),
    'cat': lambda t, a: torch.cat(t, int(a['dim'])),
    'stack': lambda t, a: torch.stack(t, int(a['dim'])),
    'gather': lambda t, a: torch.gather(t[0], int(a['dim']), t[1].long()),
    'index_select': lambda t, a: torch.index_select(t[0], int(a['dim']), t[1].long()),
    'embedding': lambda t, a: F.embedding(t[0].long(), t[1]),
    'unfold': lambda t, a: F.unfold(t[0], pair(a['kernel']), pair(a.get('dilation', '1')), pair(a.get('padding', '0')),
                                    pair(a.get('stride', '1'))),
    'conv2d': lambda t, a: F.conv2d(t[0], t[1], opt(t, 2), pair(a.get('stride', '1')), pair(a.get('padding', '0')),
                                    pair(a.get('dilation', '1')), int(a.get('groups', '1'))),
    'max_pool2d': lambda t, a: F.max_pool2d(t[0], pair(a['kernel']), pair(a['stride']) if 'stride' in a else None,
                                            pair(a.get('padding', '0')), pair(a.get('dilation', '1'))),
    'avg_pool2d': lambda t, a: F.avg_pool2d(t[0], pair(a['kernel']), pair(a['stride']) if 'stride' in a else None,
                                            pair(a.get('padding', '0')), count_include_pad=a.get('count_include_pad', '1') == '1'),
    'relu': lambda t, a: F.relu(t[0]),
    'leaky_relu': lambda t, a: F.leaky_relu(t[0], float(a.get('slope', 0.01))),
    'gelu': lambda t, a: F.gelu(t[0], approximate=a.get('approximate', 'none')),
    'sigmoid': lambda t, a: torch.sigmoid(t[0]),
    'tanh': lambda t, a: torch.tanh(t[0]),
    'softplus': lambda t, a: F.softplus(t[0], float(a.get('beta', 1)), float(a.get('threshold', 20))),
    'softmax': lambda t, a: F.softmax(t[0], int(a['dim'])),
    'log_softmax': lambda t, a: F.log_softmax(t[0], int(a['dim'])),
    'cross_entropy': lambda t, a: F.cross_entropy(t[0], t[1].long() if a.get('target') == 'index' else t[1],
                                                  reduction=reduction(a), label_smoothing=float(a.get('smoothing', 0)),
                                                  ignore_index=int(a.get('ignore_index', -100))),
    'nll_loss': lambda t, a: F.nll_loss(t[0], t[1].long(), reduction=reduction(a), ignore_index=int(a.get('ignore_index', -100))),
    'mse_loss': lambda t, a: F.mse_loss(t[0], t[1], reduction=reduction(a)),
    'huber_loss': lambda t, a: F.huber_loss(t[0], t[1], reduction=reduction(a), delta=float(a.get('delta', 1))),
    'bce_with_logits': lambda t, a: F.binary_cross_entropy_with_logits(t[0], t[1], reduction=reduction(a), pos_weight=opt(t, 2)),
    'layer_norm': lambda t, a: F.layer_norm(t[0], ints(a['shape']), opt(t, 1), opt(t, 2), float(a.get('eps', 1e-5))),
    'batch_norm': lambda t, a: F.batch_norm(t[0], t[1].clone(), t[2].clone(), opt(t, 3), opt(t, 4),
                                            a.get('training') == '1', float(a.get('momentum', 0.1)), float(a.get('eps', 1e-5))),
    'batch_norm_stats': batch_norm_stats,
    'sdpa': lambda t, a: sdpa(t[0], t[1], t[2], opt(t, 3), a),
}


def slice_op(x, dim, start, end, step):
    index = [slice(None)] * x.dim()
    index[dim] = slice(start, end, step)
    return x[tuple(index)]


# (op, args, inputs): an input is "name:shape:layout:grad:kind" (the kind only says how its values
# are made; see values()); shapes are "2x3", "" for 0-d.
CASES = [
    # ---- elementwise, broadcasting, non-contiguous
    ('add', '', ['a:2x3:c:g:x', 'b:2x3:c:g:x']),
    ('add', '', ['a:2x3x4:c:g:x', 'b:3x1:c:g:x']),
    ('add', '', ['a:3x4:t:g:x', 'b:4:s:g:x']),
    ('add', '', ['a::c:g:x', 'b:2x3:c:g:x']),
    ('sub', '', ['a:2x1x4:c:g:x', 'b:3x4:t:g:x']),
    ('mul', '', ['a:2x3:s:g:x', 'b:1x3:c:g:x']),
    ('mul', '', ['a:4x1:c:g:x', 'b:1x5:c:g:x']),
    ('div', '', ['a:2x3:c:g:x', 'b:3:c:g:p']),
    ('div', '', ['a:3x2:t:g:x', 'b:3x1:c:g:p']),
    ('pow', '', ['a:2x3:c:g:p', 'b:3:c:g:x']),
    ('pow_scalar', 'exponent=3', ['a:2x3:t:g:x']),
    ('pow_scalar', 'exponent=0.5', ['a:4:c:g:p']),
    ('pow_scalar', 'exponent=-2', ['a:2x2:c:g:p']),
    ('maximum', '', ['a:3x4:c:g:q', 'b:3x4:c:g:q']),
    ('maximum', '', ['a:2x3:c:g:q', 'b:3:s:g:q']),
    ('minimum', '', ['a:3x4:t:g:q', 'b:4:c:g:q']),
    ('where', '', ['condition:2x3:c:n:b', 'a:2x3:c:g:x', 'b:3:c:g:x']),
    ('where', '', ['condition:3x1:c:n:b', 'a:3x4:t:g:x', 'b::c:g:x']),
    ('neg', '', ['a:2x3:t:g:x']),
    ('exp', '', ['a:2x3:s:g:x']),
    ('log', '', ['a:2x3:t:g:p']),
    ('sqrt', '', ['a:5:c:g:p']),
    ('abs', '', ['a:3x4:c:g:q']),
    ('erf', '', ['a:2x3:c:g:x']),
    ('clamp', 'low=-0.5 high=0.5', ['a:3x4:c:g:q']),
    ('clamp', 'low=-1 high=0.7', ['a:2x5:t:g:x']),
    ('eq', '', ['a:3x4:c:n:q', 'b:4:c:n:q']),
    ('ne', '', ['a:3x4:c:n:q', 'b:3x4:t:n:q']),
    ('lt', '', ['a:3x4:c:n:q', 'b:3x1:c:n:q']),
    ('le', '', ['a:3x4:c:n:q', 'b:3x4:c:n:q']),
    ('gt', '', ['a:3x4:s:n:q', 'b:3x4:c:n:q']),
    ('ge', '', ['a:3x4:c:n:q', 'b::c:n:q']),
    ('sign', '', ['a:3x4:c:n:q']),
    # ---- matmul
    ('matmul', '', ['a:3x4:c:g:x', 'b:4x2:c:g:x']),
    ('matmul', '', ['a:3x4:t:g:x', 'b:4x5:t:g:x']),
    ('matmul', '', ['a:4:c:g:x', 'b:4:c:g:x']),
    ('matmul', '', ['a:4:c:g:x', 'b:4x3:c:g:x']),
    ('matmul', '', ['a:2x3x4:c:g:x', 'b:4:c:g:x']),
    ('matmul', '', ['a:2x3x4:c:g:x', 'b:2x4x5:t:g:x']),
    ('matmul', '', ['a:2x3x4:c:g:x', 'b:4x2:c:g:x']),
    ('matmul', '', ['a:2x1x3x4:c:g:x', 'b:3x4x2:c:g:x']),
    ('matmul', '', ['a:3x4:s:g:x', 'b:2x4x3:c:g:x']),
    # ---- reductions
    ('sum', '', ['a:3x4:t:g:x']),
    ('sum', 'dims=1', ['a:2x3x4:c:g:x']),
    ('sum', 'dims=0,2 keepdim=1', ['a:2x3x4:c:g:x']),
    ('sum', 'dims=-1', ['a:3x4:s:g:x']),
    ('mean', '', ['a:2x3x4:c:g:x']),
    ('mean', 'dims=0 keepdim=1', ['a:3x4:t:g:x']),
    ('mean', 'dims=1,2', ['a:2x3x4:c:g:x']),
    ('var', 'dims=1', ['a:3x4:c:g:x']),
    ('var', 'dims=0,2 unbiased=0 keepdim=1', ['a:2x3x4:c:g:x']),
    ('amax', 'dims=1', ['a:3x4:c:g:q']),
    ('amax', 'dims=0,1 keepdim=1', ['a:3x4x2:c:g:q']),
    ('amin', 'dims=-1', ['a:3x4:t:g:q']),
    ('max_all', '', ['a:3x4:c:g:q']),
    ('min_all', '', ['a:3x4:t:g:x']),
    ('max_dim', 'dim=1', ['a:3x4:c:g:q']),
    ('max_dim', 'dim=0 keepdim=1', ['a:3x4:t:g:x']),
    ('min_dim', 'dim=-1', ['a:2x3x4:c:g:q']),
    ('argmax', 'dim=1', ['a:3x4:c:n:q']),
    ('argmin', 'dim=0 keepdim=1', ['a:3x4:c:n:q']),
    # ---- views and joins
    ('reshape', 'shape=4,-1', ['a:2x3x2:c:g:x']),
    ('reshape', 'shape=6,2', ['a:3x4:t:g:x']),
    ('permute', 'dims=2,0,1', ['a:2x3x4:c:g:x']),
    ('transpose', 'dims=0,2', ['a:2x3x4:c:g:x']),
    ('expand', 'shape=2,3,-1', ['a:3x1:c:g:x']),
    ('expand', 'shape=3,4', ['a:4:s:g:x']),
    ('slice', 'range=1,1,4,2', ['a:2x5x3:c:g:x']),
    ('slice', 'range=0,-2,10,1', ['a:4x3:t:g:x']),
    ('select', 'at=1,-1', ['a:2x3x4:c:g:x']),
    ('narrow', 'at=0,1,2', ['a:4x3:c:g:x']),
    ('unsqueeze', 'dim=1', ['a:2x3:t:g:x']),
    ('squeeze', 'dim=1', ['a:3x1x2:c:g:x']),
    ('flatten', 'dims=1,2', ['a:2x3x4:c:g:x']),
    ('flatten', '', ['a:3x4:t:g:x']),
    ('cat', 'dim=0', ['a:2x3:c:g:x', 'b:1x3:c:g:x', 'c:3x3:t:g:x']),
    ('cat', 'dim=-1', ['a:2x3:s:g:x', 'b:2x2:c:g:x']),
    ('stack', 'dim=1', ['a:2x3:c:g:x', 'b:2x3:t:g:x']),
    ('stack', 'dim=0', ['a:4:c:g:x', 'b:4:s:g:x', 'c:4:c:g:x']),
    # ---- indexing
    ('gather', 'dim=1', ['a:3x4:c:g:x', 'index:3x5:c:n:i4']),
    ('gather', 'dim=0', ['a:3x4:t:g:x', 'index:2x4:c:n:i3']),
    ('index_select', 'dim=0', ['a:4x3:c:g:x', 'index:5:c:n:i4']),
    ('index_select', 'dim=1', ['a:2x4x3:c:g:x', 'index:3:c:n:i4']),
    ('embedding', '', ['indices:2x3:c:n:i5', 'weight:5x4:c:g:x']),
    # ---- convolution and pooling
    ('unfold', 'kernel=2,3 padding=1 stride=2', ['x:1x2x4x5:c:g:x']),
    ('conv2d', '', ['x:2x3x5x5:c:g:x', 'weight:4x3x3x3:c:g:x', 'bias:4:c:g:x']),
    ('conv2d', 'stride=2 padding=1', ['x:1x2x6x5:c:g:x', 'weight:3x2x3x3:c:g:x']),
    ('conv2d', 'stride=1,2 padding=2,1 dilation=2', ['x:1x2x6x7:c:g:x', 'weight:2x2x3x2:c:g:x', 'bias:2:c:g:x']),
    ('conv2d', 'groups=2 padding=1', ['x:2x4x4x4:c:g:x', 'weight:6x2x3x3:c:g:x', 'bias:6:c:g:x']),
    ('conv2d', 'groups=3', ['x:1x3x4x4:t:g:x', 'weight:3x1x2x2:c:g:x']),
    ('max_pool2d', 'kernel=2', ['x:2x2x4x4:c:g:x']),
    ('max_pool2d', 'kernel=3 stride=2 padding=1', ['x:1x2x5x6:c:g:x']),
    ('max_pool2d', 'kernel=2 stride=1 dilation=2', ['x:1x1x5x5:t:g:x']),
    ('avg_pool2d', 'kernel=2', ['x:2x2x4x4:c:g:x']),
    ('avg_pool2d', 'kernel=3 stride=2 padding=1', ['x:1x2x5x6:c:g:x']),
    ('avg_pool2d', 'kernel=3 stride=2 padding=1 count_include_pad=0', ['x:1x2x5x6:c:g:x']),
    # ---- activations
    ('relu', '', ['x:3x4:c:g:q']),
    ('leaky_relu', '', ['x:3x4:c:g:q']),
    ('leaky_relu', 'slope=0.2', ['x:3x4:t:g:x']),
    ('gelu', '', ['x:3x4:c:g:x']),
    ('gelu', 'approximate=tanh', ['x:3x4:s:g:x']),
    ('sigmoid', '', ['x:3x4:c:g:x']),
    ('tanh', '', ['x:3x4:t:g:x']),
    ('softplus', '', ['x:3x4:c:g:x']),
    ('softplus', 'beta=2 threshold=1', ['x:3x4:c:g:x']),
    ('softmax', 'dim=1', ['x:3x4:c:g:x']),
    ('softmax', 'dim=0', ['x:2x3x4:c:g:x']),
    ('log_softmax', 'dim=-1', ['x:3x4:t:g:x']),
    ('log_softmax', 'dim=1', ['x:2x3x4:c:g:x']),
    ('softmax', 'dim=-1', ['x:3x4:c:g:L']),
    ('log_softmax', 'dim=0', ['x:3x4:c:g:L']),
    ('sigmoid', '', ['x:3x4:c:g:L']),
    ('softplus', '', ['x:3x4:c:g:L']),
    # ---- losses
    ('cross_entropy', 'target=index', ['input:4x5:c:g:x', 'target:4:c:n:i5']),
    ('cross_entropy', 'target=index reduction=sum smoothing=0.1', ['input:4x5:t:g:x', 'target:4:c:n:i5']),
    ('cross_entropy', 'target=index reduction=none', ['input:4x5:c:g:x', 'target:4:c:n:i5']),
    ('cross_entropy', 'target=index ignore_index=2 smoothing=0.2', ['input:6x3:c:g:x', 'target:6:c:n:i3']),
    ('cross_entropy', 'target=probs', ['input:4x5:c:g:x', 'target:4x5:c:n:u']),
    ('cross_entropy', 'target=probs smoothing=0.3 reduction=none', ['input:4x5:c:g:x', 'target:4x5:t:n:u']),
    ('nll_loss', '', ['input:4x5:c:g:x', 'target:4:c:n:i5']),
    ('nll_loss', 'reduction=sum ignore_index=1', ['input:6x3:c:g:x', 'target:6:c:n:i3']),
    ('mse_loss', '', ['input:3x4:c:g:x', 'target:3x4:t:g:x']),
    ('mse_loss', 'reduction=sum', ['input:3x4:c:g:x', 'target:3x4:c:n:x']),
    ('huber_loss', '', ['input:3x4:c:g:x', 'target:3x4:c:g:x']),
    ('huber_loss', 'delta=0.5 reduction=none', ['input:3x4:s:g:x', 'target:3x4:c:n:x']),
    ('bce_with_logits', '', ['input:3x4:c:g:x', 'target:3x4:c:n:u']),
    ('bce_with_logits', 'reduction=none', ['input:3x4:c:g:L', 'target:3x4:c:n:u', 'pos_weight:4:c:n:p']),
    ('cross_entropy', 'target=index smoothing=0.1', ['input:4x5:c:g:L', 'target:4:c:n:i5']),
    ('bce_with_logits', 'reduction=sum', ['input:3x4:t:g:x', 'target:3x4:c:n:b', 'pos_weight:4:c:n:p']),
    # ---- normalization and attention
    ('layer_norm', 'shape=4', ['x:2x3x4:c:g:x', 'weight:4:c:g:x', 'bias:4:c:g:x']),
    ('layer_norm', 'shape=3,4 eps=0.01', ['x:2x3x4:c:g:x']),
    ('layer_norm', 'shape=3', ['x:4x3:t:g:x', 'weight:3:c:g:x', 'bias:3:c:g:x']),
    ('batch_norm', 'training=1', ['x:4x3:c:g:x', 'running_mean:3:c:n:x', 'running_var:3:c:n:p',
                                  'weight:3:c:g:x', 'bias:3:c:g:x']),
    ('batch_norm', 'training=1 eps=0.001', ['x:2x3x2x2:c:g:x', 'running_mean:3:c:n:x', 'running_var:3:c:n:p']),
    ('batch_norm', 'training=0', ['x:2x3x2x2:c:g:x', 'running_mean:3:c:n:x', 'running_var:3:c:n:p',
                                  'weight:3:c:g:x', 'bias:3:c:g:x']),
    ('batch_norm_stats', 'momentum=0.3', ['x:2x3x2x2:c:n:x', 'running_mean:3:c:n:x', 'running_var:3:c:n:p']),
    ('sdpa', '', ['q:2x3x4:c:g:x', 'k:2x5x4:c:g:x', 'v:2x5x2:c:g:x']),
    ('sdpa', 'causal=1', ['q:2x2x4x3:c:g:x', 'k:2x2x4x3:t:g:x', 'v:2x2x4x3:c:g:x']),
    ('sdpa', 'scale=0.3', ['q:3x4:c:g:x', 'k:5x4:c:g:x', 'v:5x3:c:g:x', 'mask:3x5:c:n:x']),
]


def shape_of(text):
    return tuple(int(v) for v in text.split('x')) if text else ()


def make_input(spec, seed):
    """The stored tensor (a leaf) and the view the op sees."""
    name, shape_text, layout, grad, kind = spec.split(':')
    shape = shape_of(shape_text)
    stored = list(shape)
    if layout == 't':
        stored[-2], stored[-1] = stored[-1], stored[-2]
    elif layout == 's':
        stored[-1] *= 2
    leaf = torch.tensor(values(kind, math.prod(stored), seed), dtype=torch.float32).reshape(stored)
    if grad == 'g':
        leaf.requires_grad_()
    view = leaf.transpose(-2, -1) if layout == 't' else leaf[..., ::2] if layout == 's' else leaf
    assert tuple(view.shape) == shape, spec
    return leaf, view, spec[:spec.rindex(':')]  # the kind stays here


def run(index, case):
    op, args, specs = case
    made = [make_input(spec, 100 * index + k) for k, spec in enumerate(specs)]
    out = OPS[op]([view for _, view, _ in made], args_of(args))
    upstream = torch.tensor(sines(out.numel(), 100 * index + 50), dtype=torch.float32).reshape(out.shape)
    grads = []
    if out.requires_grad:
        (out * upstream).sum().backward()
    for (leaf, _, spec) in made:
        if leaf.requires_grad:
            grads.append(leaf.grad if leaf.grad is not None else torch.zeros_like(leaf))
    data = [leaf.detach() for leaf, _, _ in made] + [out.detach(), upstream] + grads
    return [spec for _, _, spec in made], out.shape, torch.cat([t.flatten() for t in data])


def literal(v):
    """9 significant digits round-trip a float32."""
    text = '%.9g' % v
    if text in ('inf', '-inf', 'nan'):
        raise ValueError('non-finite value in a golden case')
    if '.' not in text and 'e' not in text:
        text += '.0'
    return text + 'f'


def main():
    lines = ['#pragma once',
             '// GENERATED by tests/golden/gen_ops.py with PyTorch %s (Debian python3-torch); do not edit.' % torch.__version__,
             '// Regenerate from the repository root: /usr/bin/python3 tests/golden/gen_ops.py',
             '// Each case: op, args, inputs "name:shape:layout:grad", output shape, and its data: every stored',
             '// input, the output, the upstream gradient g, then d sum(output * g) / d input for each grad input.',
             '', 'namespace mlplay::golden::ops {', '',
             'struct Case {', '  const char* op;', '  const char* args;', '  const char* inputs;',
             '  const char* output;', '  const float* data;', '  int size;', '};', '']
    table = []
    for i, case in enumerate(CASES):
        specs, out_shape, data = run(i, case)
        items = [literal(v) for v in data.tolist()]
        lines.append('inline constexpr float kData%d[] = {' % i)
        for k in range(0, len(items), 8):
            lines.append('    ' + ', '.join(items[k:k + 8]) + (',' if k + 8 < len(items) else '};'))
        shape = 'x'.join(str(s) for s in out_shape)
        table.append('    {"%s", "%s", "%s", "%s", kData%d, %d},' % (case[0], case[1], ' '.join(specs), shape, i, len(items)))
    lines += ['', 'inline constexpr Case kCases[] = {'] + table + ['};', '', '}  // namespace mlplay::golden::ops', '']
    with open(OUT, 'w') as f:
        f.write('\n'.join(lines))
    print('wrote %s: %d cases' % (OUT, len(CASES)), file=sys.stderr)


if __name__ == '__main__':
    main()
