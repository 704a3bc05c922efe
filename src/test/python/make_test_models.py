#!/usr/bin/python3
"""Builds the tiny model bundles and Python reference outputs used by the Java model tests.

Run from the repository root with Debian's torch 1.13:  /usr/bin/python3 src/test/python/make_test_models.py

Everything is seeded and single-threaded, so a rerun rewrites byte-identical files. Nothing here runs at
run time or in CI: the outputs are committed under src/test/resources/models/.

Bundles written (model.json format: see org.marrowscope.model.ModelManifest):
  tiny-quality/       quality role, one TorchScript file (image -> 2 logits, "good" at index 1)
  tiny-cnn/           classifier, plain conv net split intermediate.pt -> features.pt -> head.pt
  tiny-resnet/        classifier, residual net with dropout in the head, same three-stage split
  scripted-dropout-head/  tiny-cnn's weights with a torch.jit.script head that keeps a Dropout layer:
                      Grad-CAM must run it in eval mode and give tiny-cnn's maps
Reference outputs (reference/): fixed PNG tiles, the preprocessed input tensors, softmax probabilities from
the eager PyTorch modules, and Grad-CAM maps computed with torch.autograd, all float32 little-endian.
"""
import hashlib
import json
import os
import shutil
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

# TorchScript's scripted modules list Final attributes in set order: pin string hashing so reruns are identical.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

SEED = 20240611
CLASSES = ["ALL", "AML", "CML", "Lymphoma", "MM"]
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "models")
REF = os.path.join(ROOT, "reference")

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


# ---------------------------------------------------------------- synthetic data

# (radius range, colour) of the class-specific cells; every image also gets some red cells as distractors.
PALETTE = [
    ((2.5, 3.5), (0.35, 0.20, 0.55)),  # ALL: small violet blasts
    ((5.5, 7.5), (0.60, 0.38, 0.72)),  # AML: large pale-purple blasts
    ((3.5, 4.5), (0.85, 0.50, 0.40)),  # CML: granulocytic orange-pink
    ((2.0, 3.0), (0.15, 0.12, 0.25)),  # Lymphoma: small dark lymphocytes
    ((4.0, 5.5), (0.20, 0.30, 0.80)),  # MM: deep-blue plasma cells
]


def render(gen, n, size, n_cells, radius, colour):
    """Draws n_cells discs per image onto a pale background; radius/colour give per-image ranges."""
    yy, xx = torch.meshgrid(torch.arange(size, dtype=torch.float32) + 0.5,
                            torch.arange(size, dtype=torch.float32) + 0.5, indexing="ij")
    img = torch.tensor([0.94, 0.88, 0.90]).view(1, 3, 1, 1).repeat(n, 1, size, size)
    img = img + 0.02 * torch.randn(n, 3, size, size, generator=gen)
    for i in range(n):
        for _ in range(int(n_cells[i])):
            cx, cy = torch.rand(2, generator=gen) * size
            lo, hi = radius[i]
            r = lo + (hi - lo) * torch.rand(1, generator=gen).item()
            mask = ((xx - cx) ** 2 + (yy - cy) ** 2) < r * r
            c = torch.tensor(colour[i]) + 0.04 * torch.randn(3, generator=gen)
            img[i][:, mask] = c.view(3, 1)
    return img.clamp(0, 1)


def classifier_batch(gen, n, size):
    labels = torch.randint(0, len(CLASSES), (n,), generator=gen)
    counts = torch.randint(4, 9, (n,), generator=gen)
    img = render(gen, n, size, counts, [PALETTE[l][0] for l in labels], [PALETTE[l][1] for l in labels])
    red = render(gen, n, size, torch.randint(2, 5, (n,), generator=gen), [(3.5, 4.5)] * n,
                 [(0.90, 0.55, 0.55)] * n)
    # Red cells sit under the class cells: take them only where the class image is still background.
    background = (img.mean(1, keepdim=True) > 0.85).float()
    return background * red + (1 - background) * img, labels


def quality_batch(gen, n, size):
    labels = torch.randint(0, 2, (n,), generator=gen)  # 0 poor, 1 good
    counts, radii, colours = [], [], []
    for l in labels:
        if l == 1:
            counts.append(8); radii.append((3.0, 5.0)); colours.append((0.45, 0.30, 0.65))
        elif torch.rand(1, generator=gen).item() < 0.5:
            counts.append(0); radii.append((1.0, 1.0)); colours.append((0.0, 0.0, 0.0))  # sparse
        else:
            counts.append(40); radii.append((6.0, 9.0)); colours.append((0.25, 0.15, 0.40))  # thick
    return render(gen, n, size, counts, radii, colours), labels


# ---------------------------------------------------------------- architectures

def conv_bn(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


class Split(nn.Module):
    """The classifier as the three stages a bundle ships: intermediate -> features -> head."""

    def __init__(self, intermediate, features, head):
        super().__init__()
        self.intermediate, self.features, self.head = intermediate, features, head

    def forward(self, x):
        return self.head(self.features(self.intermediate(x)))


def tiny_cnn():
    return Split(nn.Sequential(conv_bn(3, 8), nn.MaxPool2d(2), conv_bn(8, 16), nn.MaxPool2d(2)),
                 nn.Sequential(conv_bn(16, 32), nn.MaxPool2d(2), nn.Conv2d(32, 32, 3, 1, 1), nn.ReLU()),
                 nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, len(CLASSES))))


def tiny_resnet():
    return Split(nn.Sequential(conv_bn(3, 12, 2), BasicBlock(12, 12)),
                 nn.Sequential(BasicBlock(12, 24, 2), BasicBlock(24, 24), BasicBlock(24, 32, 2)),
                 nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3),
                               nn.Linear(32, len(CLASSES))))


def tiny_quality():
    return nn.Sequential(nn.Conv2d(3, 8, 5, 2, 2), nn.ReLU(), conv_bn(8, 16, 2), nn.MaxPool2d(2),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 2))


# ---------------------------------------------------------------- training and export

def normalise(img):
    return (img - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)


def train(model, batch_fn, size, steps, seed):
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for step in range(steps):
        x, y = batch_fn(gen, 32, size)
        loss = F.cross_entropy(model(normalise(x)), y, label_smoothing=0.3)
        opt.zero_grad()
        loss.backward()
        opt.step()
    x, y = batch_fn(gen, 128, size)
    model.eval()
    with torch.no_grad():
        acc = (model(normalise(x)).argmax(1) == y).float().mean().item()
    print(f"  final loss {loss.item():.3f}, held-out accuracy {acc:.3f}")
    return round(acc, 3)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def trace(module, example, path):
    module.eval()
    with torch.no_grad():
        torch.jit.save(torch.jit.trace(module, example), path)


def write_bundle(folder, manifest, files):
    manifest["files"] = [{"path": name, "sha256": sha256(os.path.join(folder, name)), "purpose": purpose}
                         for name, purpose in files]
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


def base_manifest(name, role, classes, size, mpp, resampling, acc, seed, intended):
    return {
        "formatVersion": 1,
        "name": name,
        "version": "1.0.0",
        "role": role,
        "demo": True,
        "classes": classes,
        "input": {"size": size, "micronsPerPixel": mpp, "resampling": resampling, "channelOrder": "RGB",
                  "scale": "0..1", "mean": MEAN, "std": STD},
        "provenance": {"trainingData": "synthetic coloured-disc tiles from src/test/python/make_test_models.py",
                       "date": "2025-01-01", "seed": seed, "metrics": {"heldOutAccuracy": acc},
                       "trainedBy": "src/test/python/make_test_models.py"},
        "intendedUse": intended,
    }


def export_classifier(name, model, size, resampling, seed, folder=None, scripted_head=None):
    folder = folder or os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    model.eval()
    x = torch.zeros(1, 3, size, size)
    with torch.no_grad():
        mid = model.intermediate(x)
        pen = model.features(mid)
    trace(model.intermediate, x, os.path.join(folder, "intermediate.pt"))
    trace(model.features, mid, os.path.join(folder, "features.pt"))
    if scripted_head is not None:
        torch.jit.save(torch.jit.script(scripted_head.eval()), os.path.join(folder, "head.pt"))
    else:
        trace(model.head, pen, os.path.join(folder, "head.pt"))
    manifest = base_manifest(name, "classifier", CLASSES, size, 0.5, resampling, model.acc, seed,
                             "Test fixture for MarrowScope's model tests; not a diagnostic model.")
    manifest["gradCam"] = {
        "penultimate": f"output of features.pt, {pen.shape[1]}x{pen.shape[2]}x{pen.shape[3]}",
        "intermediate": f"output of intermediate.pt, {mid.shape[1]}x{mid.shape[2]}x{mid.shape[3]}"}
    write_bundle(folder, manifest, [("intermediate.pt", "intermediate"), ("features.pt", "features"),
                                    ("head.pt", "head")])


def export_quality(name, model, size, seed):
    folder = os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    trace(model, torch.zeros(1, 3, size, size), os.path.join(folder, "model.pt"))
    manifest = base_manifest(name, "quality", ["poor", "good"], size, 0.5, "bilinear", model.acc, seed,
                             "Test fixture for MarrowScope's model tests; not a diagnostic model.")
    manifest["goodIndex"] = 1
    write_bundle(folder, manifest, [("model.pt", "model")])


# ---------------------------------------------------------------- references

def test_tiles():
    """Fixed tiles: two 80x80 (downscaled by every model) and one 37x45 (upscaled, not square)."""
    gen = torch.Generator().manual_seed(SEED + 99)
    big, _ = classifier_batch(gen, 2, 80)
    small, _ = classifier_batch(gen, 1, 45)
    small = small[:, :, :, 4:41]  # 45 high, 37 wide
    tiles = {"tile-a.png": big[0], "tile-b.png": big[1], "tile-c.png": small[0]}
    out = {}
    for name, t in tiles.items():
        arr = (t.permute(1, 2, 0).numpy() * 255 + 0.5).astype(np.uint8)
        Image.fromarray(arr, "RGB").save(os.path.join(REF, name), optimize=False)
        # Read back what Java will read: 8-bit RGB.
        out[name] = torch.from_numpy(np.asarray(Image.open(os.path.join(REF, name)).convert("RGB"),
                                                dtype=np.float32) / 255.0).permute(2, 0, 1)
    return out


def preprocess(tile, size, resampling):
    x = tile.unsqueeze(0)
    if resampling == "nearest":
        x = F.interpolate(x, size=(size, size), mode="nearest")
    else:
        x = F.interpolate(x, size=(size, size), mode=resampling, align_corners=False, antialias=True)
    return normalise(x)


def write_f32(name, tensor):
    tensor.detach().contiguous().numpy().astype("<f4").tofile(os.path.join(REF, name))
    return name


def grad_cam(model, x, layer, cls, height, width):
    """Grad-CAM by plain torch.autograd on the eager modules (the 'other way' the Java result is checked against)."""
    model.eval()
    mid = model.intermediate(x).detach()
    if layer == "intermediate":
        a = mid.requires_grad_(True)
        logits = model.head(model.features(a))
    else:
        a = model.features(mid).detach().requires_grad_(True)
        logits = model.head(a)
    p = torch.softmax(logits, 1)[0, cls]
    p.backward()
    w = a.grad.mean(dim=(2, 3), keepdim=True)
    cam = F.relu((w * a).sum(1, keepdim=True))
    cam = F.interpolate(cam, size=(height, width), mode="bilinear", align_corners=False)[0, 0]
    # No location supports the class: an all-zero map, as MarrowScope shows it (not 0/0).
    cam = cam / cam.max() if cam.max() > 0 else torch.zeros_like(cam)
    return cam, w.flatten(), p.item()


def references(name, model, size, resampling, tiles, classifier):
    entries, cams = [], []
    model.eval()
    scripted = [torch.jit.load(os.path.join(ROOT, name, f)) for f in
                (["intermediate.pt", "features.pt", "head.pt"] if classifier else ["model.pt"])]
    for tile_name, tile in tiles.items():
        x = preprocess(tile, size, resampling)
        with torch.no_grad():
            probs = torch.softmax(model(x), 1)[0]
            y = x
            for s in scripted:
                y = s(y)
            assert torch.allclose(torch.softmax(y, 1)[0], probs, atol=1e-6), "TorchScript differs from eager"
        stem = f"{name}-{tile_name[:-4]}"
        entries.append({"tile": tile_name, "input": write_f32(stem + "-input.f32", x),
                        "probabilities": [float(v) for v in probs]})
        if classifier and tile_name != "tile-b.png":
            top = int(probs.argmax())
            for layer in ("penultimate", "intermediate"):
                for cls in sorted({top, (top + 2) % len(CLASSES)}):
                    cam, weights, p = grad_cam(model, x, layer, cls, tile.shape[1], tile.shape[2])
                    cams.append({"tile": tile_name, "layer": layer, "classIndex": cls, "probability": p,
                                 "width": tile.shape[2], "height": tile.shape[1],
                                 "map": write_f32(f"{stem}-{layer}-{cls}-cam.f32", cam),
                                 "weights": write_f32(f"{stem}-{layer}-{cls}-weights.f32", weights)})
    with open(os.path.join(REF, name + ".json"), "w") as f:
        json.dump({"model": name, "tiles": entries, "gradCam": cams}, f, indent=2)
        f.write("\n")


def resampling_references(tiles):
    """Resized (not normalised) tiles for each resampling mode, to check Java's resampler on its own."""
    out = []
    for mode in ("bilinear", "bicubic", "nearest"):
        for tile_name in ("tile-a.png", "tile-c.png"):
            for size in (24, 64):
                t = tiles[tile_name].unsqueeze(0)
                if mode == "nearest":
                    r = F.interpolate(t, size=(size, size), mode="nearest")
                else:
                    r = F.interpolate(t, size=(size, size), mode=mode, align_corners=False, antialias=True)
                out.append({"tile": tile_name, "mode": mode, "size": size,
                            "pixels": write_f32(f"resize-{mode}-{tile_name[:-4]}-{size}.f32", r)})
    with open(os.path.join(REF, "resampling.json"), "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


def main():
    for d in ("tiny-quality", "tiny-cnn", "tiny-resnet", "scripted-dropout-head", "reference"):
        shutil.rmtree(os.path.join(ROOT, d), ignore_errors=True)
    os.makedirs(REF)

    print("tiny-quality")
    torch.manual_seed(SEED)
    quality = tiny_quality()
    quality.acc = train(quality, quality_batch, 48, 120, SEED + 1)
    export_quality("tiny-quality", quality, 48, SEED + 1)

    print("tiny-cnn")
    torch.manual_seed(SEED + 2)
    cnn = tiny_cnn()
    cnn.acc = train(cnn, classifier_batch, 64, 250, SEED + 3)
    export_classifier("tiny-cnn", cnn, 64, "bilinear", SEED + 3)
    export_classifier("scripted-dropout-head", cnn, 64, "bilinear", SEED + 3,
                      scripted_head=nn.Sequential(cnn.head[0], cnn.head[1], nn.Dropout(0.5), cnn.head[2]))

    print("tiny-resnet")
    torch.manual_seed(SEED + 4)
    resnet = tiny_resnet()
    resnet.acc = train(resnet, classifier_batch, 56, 250, SEED + 5)
    export_classifier("tiny-resnet", resnet, 56, "bicubic", SEED + 5)

    tiles = test_tiles()
    references("tiny-quality", quality, 48, "bilinear", tiles, classifier=False)
    references("tiny-cnn", cnn, 64, "bilinear", tiles, classifier=True)
    references("tiny-resnet", resnet, 56, "bicubic", tiles, classifier=True)
    resampling_references(tiles)
    print("written to", os.path.normpath(ROOT))


if __name__ == "__main__":
    sys.exit(main())
