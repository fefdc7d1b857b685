#!/usr/bin/python3
"""Writes tests/unit/generated/nn_golden.h and tests/unit/generated/nn_golden.safetensors: forward
outputs and gradients of torch.nn modules for fixed weights and inputs, and a safetensors file of a torch model's
state_dict, computed by PyTorch (Debian's python3-torch, 1.13).

    apt-get install -y python3-torch
    /usr/bin/python3 tests/golden/gen_nn.py      # from the repository root

The C++ test (tests/unit/nn/nn_golden_test.cpp) loads the same weights into mlplay's modules through
load_state_dict (so PyTorch's parameter names are checked too) and compares the outputs within float32
tolerance; it also reads the .safetensors file, which is written here by a small writer that follows the
format spec with only struct + json (Debian's torch has no safetensors package).
"""
import json
import math
import os
import struct
import sys

import torch

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, 'tests', 'unit', 'generated')


def fixed(shape, seed, scale=0.9):
    """A tensor of fixed numbers in about [-scale, scale], from sines (no random generator)."""
    n = math.prod(shape)
    return torch.tensor([round(math.sin(seed * 12.9898 + i * 78.233) * scale, 3) for i in range(n)],
                        dtype=torch.float32).reshape(shape)


# ---- the safetensors writer (https://github.com/huggingface/safetensors, "Format") ------------------
DTYPES = {torch.float32: ('F32', '<f4'), torch.float16: ('F16', '<f2'), torch.bfloat16: ('BF16', None),
          torch.float64: ('F64', '<f8'), torch.int64: ('I64', '<i8'), torch.int32: ('I32', '<i4')}


def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:  # the top 16 bits of the float32 pattern, little-endian
        return b''.join(struct.pack('<H', v & 0xFFFF) for v in t.view(torch.int16).flatten().tolist())
    fmt = {torch.float32: 'f', torch.float16: 'e', torch.float64: 'd', torch.int64: 'q', torch.int32: 'i'}[t.dtype]
    return struct.pack('<%d%s' % (t.numel(), fmt), *t.flatten().tolist())


def write_safetensors(path, tensors, metadata):
    """8-byte little-endian header length N, N bytes of JSON padded with spaces to 8-byte alignment,
    then the data. Like the reference implementation, tensors are laid out by dtype size (largest
    first), then by name."""
    order = sorted(tensors, key=lambda name: (-tensors[name].element_size(), name))
    header, blobs, offset = {'__metadata__': metadata}, [], 0
    for name in order:
        t = tensors[name]
        blob = tensor_bytes(t)
        header[name] = {'dtype': DTYPES[t.dtype][0], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        f.write(b''.join(blobs))


# ---- the cases -------------------------------------------------------------------------------------
def linear_case():
    m = torch.nn.Linear(4, 3)
    state = {'weight': fixed((3, 4), 1), 'bias': fixed((3,), 2)}
    m.load_state_dict(state)
    x = fixed((2, 4), 3, 2.0)
    x.requires_grad_()
    return m, state, {'x': x}, {'y': m(x)}


def conv_case():
    m = torch.nn.Conv2d(2, 3, 3, stride=2, padding=1)
    state = {'weight': fixed((3, 2, 3, 3), 4), 'bias': fixed((3,), 5)}
    m.load_state_dict(state)
    x = fixed((2, 2, 5, 5), 6, 2.0)
    x.requires_grad_()
    return m, state, {'x': x}, {'y': m(x)}


def conv_grouped_case():
    m = torch.nn.Conv2d(4, 4, (2, 3), dilation=2, groups=2, bias=False, padding=(1, 0))
    state = {'weight': fixed((4, 2, 2, 3), 7)}
    m.load_state_dict(state)
    x = fixed((1, 4, 5, 6), 8, 2.0)
    x.requires_grad_()
    return m, state, {'x': x}, {'y': m(x)}


def batchnorm_case():
    m = torch.nn.BatchNorm2d(3)
    state = {'weight': fixed((3,), 9), 'bias': fixed((3,), 10), 'running_mean': fixed((3,), 11),
             'running_var': fixed((3,), 12).abs() + 0.5}
    m.load_state_dict(state, strict=False)  # num_batches_tracked stays 0
    m.eval()
    x = fixed((2, 3, 2, 2), 13, 2.0)
    x.requires_grad_()
    return m, state, {'x': x}, {'y': m(x)}


def layernorm_case():
    m = torch.nn.LayerNorm([4])
    state = {'weight': fixed((4,), 14), 'bias': fixed((4,), 15)}
    m.load_state_dict(state)
    x = fixed((2, 3, 4), 16, 2.0)
    x.requires_grad_()
    return m, state, {'x': x}, {'y': m(x)}


def attention_case():
    m = torch.nn.MultiheadAttention(4, 2, batch_first=True)
    state = {'in_proj_weight': fixed((12, 4), 17), 'in_proj_bias': fixed((12,), 18, 0.2),
             'out_proj.weight': fixed((4, 4), 19), 'out_proj.bias': fixed((4,), 20, 0.2)}
    m.load_state_dict(state)
    q, kv = fixed((2, 3, 4), 21, 1.5).requires_grad_(), fixed((2, 5, 4), 22, 1.5).requires_grad_()
    y, weights = m(q, kv, kv)
    causal_mask = torch.triu(torch.full((3, 3), float('-inf')), diagonal=1)
    with torch.no_grad():
        y_causal, _ = m(q, q, q, attn_mask=causal_mask, need_weights=False)
    return m, state, {'q': q, 'kv': kv}, {'y': y, 'weights': weights, 'y_causal': y_causal}


def model():
    """The model whose state_dict goes into the .safetensors file (BatchNorm's num_batches_tracked is I64)."""
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.BatchNorm1d(3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
    with torch.no_grad():
        for i in range(3):  # move the running statistics
            net(fixed((6, 4), 30 + i, 2.0))
    net.eval()
    x = fixed((2, 4), 40, 2.0)
    return net, x, net(x)


# ---- the header ------------------------------------------------------------------------------------
def c_name(*parts):
    return 'k' + ''.join(p[:1].upper() + p[1:] for part in parts for p in part.replace('.', '_').split('_'))


def c_float(v):
    """A float literal that round-trips float32: 9 significant digits, always with a dot or exponent."""
    text = '%.9g' % v
    if '.' not in text and 'e' not in text:
        text += '.0'
    return text + 'f'


def emit(lines, name, t):
    values = [float(v) for v in t.detach().flatten().tolist()]
    lines.append('/// (%s)' % ', '.join(str(s) for s in t.shape))
    lines.append('inline constexpr float %s[] = {' % name)
    items = [c_float(v) for v in values]
    for i in range(0, len(items), 6):
        lines.append('    ' + ', '.join(items[i:i + 6]) + (',' if i + 6 < len(items) else '};'))


def main():
    lines = ['#pragma once',
             '// GENERATED by tests/golden/gen_nn.py with PyTorch %s; do not edit.' % torch.__version__,
             '// Regenerate from the repository root: /usr/bin/python3 tests/golden/gen_nn.py',
             '// (needs Debian\'s python3-torch). State dict entries are named kCase + PyTorch\'s key.',
             '', 'namespace mlplay::golden::nn {', '']
    cases = {'linear': linear_case, 'conv': conv_case, 'conv_grouped': conv_grouped_case,
             'batchnorm': batchnorm_case, 'layernorm': layernorm_case, 'attention': attention_case}
    for case, make in cases.items():
        m, state, inputs, outputs = make()
        # gradients of loss = sum(y^2) / 2 (so dloss/dy = y) for the inputs and every parameter
        (outputs['y'] ** 2).sum().mul(0.5).backward()
        grads = dict((name, t.grad) for name, t in inputs.items())
        grads.update((name, p.grad) for name, p in m.named_parameters())
        lines.append('// ---- %s (gradients: of sum(y^2) / 2)' % case)
        for group in (state, inputs, outputs):
            for key, t in group.items():
                emit(lines, c_name(case, key), t)
        for key, t in grads.items():
            emit(lines, c_name(case, 'grad', key), t)
        lines.append('')
    with torch.no_grad():
        net, x, y = model()
    lines.append('// ---- the model in nn_golden.safetensors: Sequential(Linear(4, 3), BatchNorm1d(3), ReLU, Linear(3, 2)), eval')
    emit(lines, 'kModelX', x)
    emit(lines, 'kModelY', y)
    extra = {'dtypes.f16': fixed((5,), 50).half(), 'dtypes.bf16': fixed((5,), 50).bfloat16(),
             'dtypes.f64': fixed((2, 2), 51).double(), 'dtypes.i32': torch.tensor([3, -4], dtype=torch.int32)}
    for key, t in extra.items():  # what each converts to in float32
        emit(lines, c_name(key), t.float())
    lines += ['', '}  // namespace mlplay::golden::nn', '']
    with open(os.path.join(OUT_DIR, 'nn_golden.h'), 'w') as f:
        f.write('\n'.join(lines))
    tensors = dict(net.state_dict())
    tensors.update(extra)
    write_safetensors(os.path.join(OUT_DIR, 'nn_golden.safetensors'), tensors,
                      {'format': 'pt', 'source': 'tests/golden/gen_nn.py'})
    print('wrote nn_golden.h and nn_golden.safetensors to', OUT_DIR, file=sys.stderr)


if __name__ == '__main__':
    main()
