"""PyTorch reference for bench/train-throughput.ts: trains a template's own PyTorch export
(model.py with its weights, and train.py's loss, optimizer and step) on as many threads as
Strata's wasm backend has (the first argument, default 1).

Prints "ready <torch version>" once started, then "blas <library> <GFLOP/s of a 512² matmul>",
then reads commands on stdin, one per line, and answers each on stdout:
  load <json>     {"export": folder, "discriminator": folder or null, "task": recipe task,
                   "x": {"path", "dtype", "shape"}, "y": {...} or null}; shapes hold every batch
                   ([batches, batch, ...]); answers "loaded <batches>"
  run <steps>     trains that many batches in turn; answers "samples_per_s <rate>"
"""
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(THREADS)
torch.set_num_interop_threads(1)
torch.manual_seed(0)


def blas_library():
    """The BLAS shared library this process mapped (Debian picks it through alternatives, so
    torch's build configuration does not say which one runs)."""
    maps = Path("/proc/self/maps")
    if maps.exists():
        for line in maps.read_text().splitlines():
            path = line.split()[-1]
            if "blas" in Path(path).name.lower():
                return str(Path(path).resolve())
    for line in torch.__config__.show().splitlines():
        if "BLAS_INFO" in line:
            return line.strip()
    return "unknown"


def matmul_rate(n=512, repeats=20):
    a, b = torch.rand(n, n), torch.rand(n, n)
    torch.mm(a, b)
    start = time.perf_counter()
    for _ in range(repeats):
        torch.mm(a, b)
    return 2 * n**3 * repeats / (time.perf_counter() - start) / 1e9


def read_tensor(spec):
    dtype = np.int32 if spec["dtype"] == "int32" else np.float32
    values = np.fromfile(spec["path"], dtype=dtype).reshape(spec["shape"])
    tensor = torch.from_numpy(values.copy())
    return tensor.long() if dtype == np.int32 else tensor


def load_script(folder):
    """The export's train.py as a module; its `from model import ...` must find this folder's
    model.py, not an earlier template's."""
    sys.modules.pop("model", None)
    spec = importlib.util.spec_from_file_location(f"train_{Path(folder).name}", Path(folder) / "train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Supervised:
    def __init__(self, job):
        self.script = load_script(job["export"])
        self.model = self.script.load_model().train()
        self.parameters = [p for p in self.model.parameters() if p.requires_grad]
        self.optimizer = self.script.make_optimizer(self.parameters)
        self.xs = read_tensor(job["x"])
        self.ys = self.xs if job["y"] is None else read_tensor(job["y"])

    def step(self, i):
        s, x, y = self.script, self.xs[i], self.ys[i]
        loss = s.loss_fn(s.RECIPE["loss"], self.model(x), y)
        s.step(self.optimizer, loss, self.parameters)


class Gan:
    """train.py's GAN step: the discriminator on real and generated images, then the generator."""

    def __init__(self, job):
        self.script = load_script(job["export"])
        self.generator = self.script.load_model().train()
        self.discriminator = self.script.load_discriminator(job["discriminator"]).train()
        self.g_params = [p for p in self.generator.parameters() if p.requires_grad]
        self.d_params = [p for p in self.discriminator.parameters() if p.requires_grad]
        self.g_opt = self.script.make_optimizer(self.g_params)
        self.d_opt = self.script.make_optimizer(self.d_params)
        self.xs = read_tensor(job["x"])
        self.latent = list(job["latent"])

    def bce(self, label, scores):
        return self.script.loss_fn("binary_crossentropy", scores, torch.full_like(scores, label))

    def step(self, i):
        real, s = self.xs[i], self.script
        noise = torch.randn(len(real), *self.latent)
        fake = self.generator(noise).detach()
        d_loss = self.bce(1.0, self.discriminator(real)) + self.bce(0.0, self.discriminator(fake))
        s.step(self.d_opt, d_loss, self.d_params)
        g_loss = self.bce(1.0, self.discriminator(self.generator(torch.randn(len(real), *self.latent))))
        s.step(self.g_opt, g_loss, self.g_params)


def train(job, steps):
    count = job.xs.shape[0]
    start = time.perf_counter()
    for i in range(steps):
        job.step(i % count)
    return steps * job.xs.shape[1] / (time.perf_counter() - start)


print("ready", torch.__version__, flush=True)
print("blas", blas_library(), f"{matmul_rate():.2f}", flush=True)
job = None
for line in sys.stdin:
    command, _, rest = line.strip().partition(" ")
    if command == "load":
        spec = json.loads(rest)
        try:
            job = Gan(spec) if spec["task"] == "gan" else Supervised(spec)
        except Exception as error:  # answered, so the worker stays up for the next template
            print("error", repr(error).replace("\n", " "), flush=True)
            continue
        print("loaded", job.xs.shape[0], flush=True)
    elif command == "run":
        print("samples_per_s", train(job, int(rest)), flush=True)
