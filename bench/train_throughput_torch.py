"""PyTorch reference for bench/train-throughput.ts: the same MNIST CNN, trained on as many threads
as Strata's wasm backend has (the first argument, default 1).

Reads commands on stdin, one per line, and answers each on stdout:
  load <path> <n>   read n float32 images (n*784 values) then n int32 labels from <path>
  run <batches>     train that many batches of 64; answers "samples_per_s <rate>"
A line "ready <torch version>" is printed once the model is built.
"""
import sys
import time

import numpy as np
import torch
from torch import nn

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(THREADS)
torch.set_num_interop_threads(1)
torch.manual_seed(0)

BATCH = 64

model = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(),
    nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
images = torch.rand(BATCH * 4, 1, 28, 28)
labels = torch.randint(0, 10, (BATCH * 4,))


def train(batches):
    count = images.shape[0] // BATCH
    start = time.perf_counter()
    for step in range(batches):
        i = (step % count) * BATCH
        optimizer.zero_grad()
        loss = loss_fn(model(images[i:i + BATCH]), labels[i:i + BATCH])
        loss.backward()
        optimizer.step()
    return batches * BATCH / (time.perf_counter() - start)


print("ready", torch.__version__, flush=True)
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    if words[0] == "load":
        n = int(words[2])
        raw = np.fromfile(words[1], dtype=np.float32, count=n * 784)
        images = torch.from_numpy(raw.copy()).reshape(n, 28, 28).unsqueeze(1)
        ids = np.fromfile(words[1], dtype=np.int32, count=n, offset=n * 784 * 4)
        labels = torch.from_numpy(ids.astype(np.int64))
        print("loaded", n, flush=True)
    elif words[0] == "run":
        print("samples_per_s", train(int(words[1])), flush=True)
