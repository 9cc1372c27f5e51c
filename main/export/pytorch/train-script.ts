import type { Recipe } from '../../../shared/project/recipe.js';
import { formatShape } from '../../../shared/layers/shape.js';
import { commentLine } from './python.js';

/** What the training script needs to know about the exported model. */
export interface TrainScriptInput {
  recipe: Recipe;
  projectName: string;
  className: string;
  /** The exported model's id, and whether it is the recipe's GAN generator or discriminator. */
  modelId: string;
  /** The model's loss (its first Output's); the GAN uses binary cross-entropy on fixed labels. */
  loss: string;
  inputShape: readonly (number | null)[];
  inputDtype: string;
  outputShape: readonly (number | null)[];
}

/** What `load_dataset()` must return for each task, for the user filling it in. */
function datasetDocs(i: TrainScriptInput): string {
  const x = `[examples, ${formatShape(i.inputShape).replace(/×/g, ', ')}] ${i.inputDtype}`;
  switch (i.recipe.task) {
    case 'autoencoder':
      return `inputs ${x} (scaled to [0, 1]); the targets are the inputs themselves (return None for targets)`;
    case 'gan':
      return `real images ${x} scaled to [0, 1] for the discriminator (return None for targets)`;
    case 'language-model':
      return `token ids ${x}, and the next token at each step, int64 [examples, steps]`;
    default:
      return `inputs ${x}, and targets for an output of ${formatShape(i.outputShape)} under ${i.loss} (class indices for sparse_categorical_crossentropy)`;
  }
}

/**
 * A `train.py` that trains the exported module with the project's recipe: the same optimizer,
 * learning-rate schedule (warm-up included), batch size, epochs, validation split, gradient
 * clipping, early stopping, image augmentation, seed and loss (Keras' formulas on
 * probabilities), on a dataset the user supplies through `load_dataset()`.
 */
export function trainScript(i: TrainScriptInput): string {
  const gan = i.recipe.task === 'gan';
  if (gan && i.modelId !== i.recipe.model) return discriminatorNote(i);
  const recipe = JSON.stringify({ ...i.recipe, loss: i.loss }, null, 4);
  return `"""Trains ${i.className} with the recipe of the Strata project "${commentLine(i.projectName)}".

Fill in load_dataset() with your data, then run:  python train.py [--from-scratch]${gan ? ' [--discriminator DIR]' : ''}
It starts from the exported (trained) weights unless --from-scratch is given, and saves the
trained state dict to trained.pt beside this file.
"""
import argparse
import importlib.util
import json
import math
import sys
from pathlib import Path

import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from model import ${i.className}, load_model  # noqa: E402

# The project's training settings, as Strata saved them.
RECIPE = json.loads(
    """${recipe}"""
)
EPSILON = 1e-7  # Keras clips probabilities this far from 0 and 1 before a logarithm


def load_dataset():
    """Returns (inputs, targets) as tensors: ${commentLine(datasetDocs(i))}."""
    raise NotImplementedError("Fill in load_dataset() in train.py with your data.")


def loss_fn(name, prediction, target):
    """Keras' losses on probability outputs, averaged over examples and positions."""
    if name == "sparse_categorical_crossentropy":
        p = prediction.clamp(EPSILON, 1 - EPSILON)
        index = target.long().reshape(*p.shape[:-1], 1)
        return -torch.log(p).gather(-1, index).mean()
    if name == "categorical_crossentropy":
        p = prediction.clamp(EPSILON, 1 - EPSILON)
        return -(target * torch.log(p)).sum(-1).mean()
    if name == "binary_crossentropy":
        p = prediction.clamp(EPSILON, 1 - EPSILON)
        y = target.reshape(p.shape).float()
        return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    error = prediction - target.reshape(prediction.shape)
    if name == "mean_squared_error":
        return error.square().mean()
    if name == "mean_absolute_error":
        return error.abs().mean()
    if name == "huber":
        quadratic = error.abs().clamp(max=1.0)
        return (0.5 * quadratic.square() + error.abs() - quadratic).mean()
    raise ValueError(f"unknown loss {name}")


def learning_rate_at(step, steps_per_epoch, total_steps):
    """Strata's schedule: linear warm-up, then constant, step, exponential or cosine."""
    schedule, base = RECIPE["schedule"], RECIPE["optimizer"]["learningRate"]
    warmup = schedule["warmupSteps"]
    if step < warmup:
        return base * (step + 1) / warmup
    per_epoch = max(1, steps_per_epoch)
    if schedule["kind"] == "step":
        return base * schedule["factor"] ** ((step // per_epoch) // schedule["everyEpochs"])
    if schedule["kind"] == "exponential":
        return base * schedule["decay"] ** (step / per_epoch)
    if schedule["kind"] == "cosine":
        progress = min(1.0, (step - warmup) / max(1, total_steps - warmup))
        floor = base * schedule["minFraction"]
        return floor + (base - floor) * (1 + math.cos(math.pi * progress)) / 2
    return base


def make_optimizer(parameters):
    """The optimizer the recipe names, with TensorFlow.js' defaults where torch's differ."""
    o = RECIPE["optimizer"]
    lr, name = o["learningRate"], o["name"]
    if name == "sgd":
        return torch.optim.SGD(parameters, lr=lr)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(parameters, lr=lr, momentum=o["momentum"], nesterov=name == "nesterov")
    if name == "adam":
        return torch.optim.Adam(parameters, lr=lr, betas=(o["beta1"], o["beta2"]), eps=EPSILON)
    if name == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, betas=(o["beta1"], o["beta2"]), eps=EPSILON,
                                 weight_decay=o["weightDecay"])
    if name == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=0.9, momentum=o["momentum"], eps=EPSILON)
    if name == "adagrad":
        return torch.optim.Adagrad(parameters, lr=lr, initial_accumulator_value=0.1)
    raise ValueError(f"unknown optimizer {name}")


def transform_images(x, flip, dx, dy, angle):
    """Flips (flip is -1 to mirror, else 1), shifts by (dx, dy) pixels and rotates by angle radians
    each image of x, [examples, height, width, channels], as Strata does: the inverse mapping,
    sampled bilinearly, zero outside the image."""
    _, height, width, _ = x.shape
    cx, cy = max(width - 1, 1) / 2, max(height - 1, 1) / 2
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.stack([
        torch.stack([flip * cos, flip * sin * cy / cx, -flip * (cos * dx + sin * dy) / cx], 1),
        torch.stack([-sin * cx / cy, cos, (sin * dx - cos * dy) / cy], 1),
    ], 1)
    images = x.permute(0, 3, 1, 2)
    grid = torch.nn.functional.affine_grid(theta, list(images.shape), align_corners=True)
    moved = torch.nn.functional.grid_sample(images, grid, mode="bilinear", padding_mode="zeros",
                                            align_corners=True)
    return moved.permute(0, 2, 3, 1)


def augment(x):
    """The recipe's image augmentation, drawn per example; inputs that are not images pass as they are."""
    a = RECIPE["augmentation"]
    if x.dim() != 4 or not x.is_floating_point() or not (a["flip"] or a["shift"] > 0 or a["rotate"] > 0):
        return x
    n = len(x)
    flip = torch.where(torch.rand(n) < 0.5, -1.0, 1.0) if a["flip"] else torch.ones(n)
    dx, dy = (torch.rand(2, n) * 2 - 1) * a["shift"]
    angle = (torch.rand(n) * 2 - 1) * math.radians(a["rotate"])
    return transform_images(x, flip, dx, dy, angle)


def step(optimizer, loss, parameters):
    optimizer.zero_grad()
    loss.backward()
    if RECIPE["clipNorm"] > 0:
        torch.nn.utils.clip_grad_norm_(parameters, RECIPE["clipNorm"])
    optimizer.step()
${gan ? ganLoop(i) : supervisedLoop(i)}

if __name__ == "__main__":
    main()
`;
}

function supervisedLoop(i: TrainScriptInput): string {
  return `

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from-scratch", action="store_true")
    args = parser.parse_args()
    torch.manual_seed(RECIPE["seed"])
    model = ${i.className}() if args.from_scratch else load_model().train()
    inputs, targets = load_dataset()
    data = TensorDataset(inputs, inputs if targets is None else targets)
    held_out = int(len(data) * RECIPE["validationSplit"])
    train_set, validation_set = random_split(data, [len(data) - held_out, held_out])
    batches = DataLoader(train_set, batch_size=RECIPE["batchSize"], shuffle=True)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = make_optimizer(parameters)
    total = len(batches) * RECIPE["epochs"]
    best, patience, done = math.inf, 0, 0
    for epoch in range(RECIPE["epochs"]):
        model.train()
        for x, y in batches:
            x = augment(x)
            if RECIPE["task"] == "autoencoder":
                y = x  # the target is the input, augmented alike
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(done, len(batches), total)
            loss = loss_fn(RECIPE["loss"], model(x), y)
            step(optimizer, loss, parameters)
            done += 1
        model.eval()
        with torch.no_grad():
            losses = [loss_fn(RECIPE["loss"], model(x), y).item() * len(x)
                      for x, y in DataLoader(validation_set, batch_size=RECIPE["batchSize"])]
        validation = sum(losses) / max(1, held_out) if held_out else float(loss)
        print(f"epoch {epoch + 1}: loss {float(loss):.4f}, validation loss {validation:.4f}")
        stopping = RECIPE["earlyStopping"]
        if validation < best - stopping["minDelta"]:
            best, patience = validation, 0
        else:
            patience += 1
            if stopping["enabled"] and patience >= stopping["patience"]:
                print("early stopping")
                break
    torch.save(model.state_dict(), HERE / "trained.pt")
`;
}

function ganLoop(i: TrainScriptInput): string {
  const other = i.recipe.discriminator ?? 'discriminator';
  return `

def load_discriminator(folder):
    """The discriminator exported from the same project (its model.py and weights)."""
    spec = importlib.util.spec_from_file_location("discriminator_model", Path(folder) / "model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_model(Path(folder) / "weights.safetensors")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from-scratch", action="store_true")
    parser.add_argument("--discriminator", default=str(HERE.parent / "${other}"),
                        help="folder of the discriminator's PyTorch export")
    args = parser.parse_args()
    torch.manual_seed(RECIPE["seed"])
    generator = ${i.className}() if args.from_scratch else load_model().train()
    discriminator = load_discriminator(args.discriminator).train()
    images, _ = load_dataset()
    batches = DataLoader(TensorDataset(images), batch_size=RECIPE["batchSize"], shuffle=True)
    g_params = [p for p in generator.parameters() if p.requires_grad]
    d_params = [p for p in discriminator.parameters() if p.requires_grad]
    g_opt, d_opt = make_optimizer(g_params), make_optimizer(d_params)
    latent = ${JSON.stringify(i.inputShape)}
    total, done = len(batches) * RECIPE["epochs"], 0
    bce = lambda label, scores: loss_fn("binary_crossentropy", scores, torch.full_like(scores, label))  # noqa: E731
    for epoch in range(RECIPE["epochs"]):
        for (real,) in batches:
            real = augment(real)
            rate = learning_rate_at(done, len(batches), total)
            for group in g_opt.param_groups + d_opt.param_groups:
                group["lr"] = rate
            noise = torch.randn(len(real), *latent)
            d_loss = bce(1.0, discriminator(real)) + bce(0.0, discriminator(generator(noise).detach()))
            step(d_opt, d_loss, d_params)
            g_loss = bce(1.0, discriminator(generator(torch.randn(len(real), *latent))))
            step(g_opt, g_loss, g_params)
            done += 1
        print(f"epoch {epoch + 1}: discriminator loss {float(d_loss):.4f}, generator loss {float(g_loss):.4f}")
    torch.save(generator.state_dict(), HERE / "trained.pt")
    torch.save(discriminator.state_dict(), HERE / "trained_discriminator.pt")
`;
}

/** A GAN trains both models together, from the generator's export. */
function discriminatorNote(i: TrainScriptInput): string {
  return `"""${i.className} is the discriminator of the GAN in the Strata project "${commentLine(i.projectName)}".

The two models train together: export the generator ("${i.recipe.model}") to PyTorch as well and run
its train.py, pointing --discriminator at this folder.
"""
raise SystemExit("Run train.py in the generator's export folder; see the note above.")
`;
}
