#!/usr/bin/python3
"""Exports a DenseNet121-size classifier bundle for `marrowscope bench` (stage-2 throughput, peak RSS).

Weights are randomly initialised (seeded): the benchmarks measure cost, not accuracy, and nothing may be
downloaded. Run with Debian's python3-torch / python3-torchvision (apt), never at run time or in CI:

    /usr/bin/python3 src/bench/python/make_bench_models.py target/bench-models

writes target/bench-models/densenet121/ (intermediate.pt, features.pt, head.pt, model.json), about 30 MB.
"""
import hashlib
import json
import os
import sys

import torch
import torchvision

CLASSES = ["ALL", "AML", "CML", "Lymphoma", "MM"]
SIZE = 224


class Head(torch.nn.Module):
    """torchvision's DenseNet ending: ReLU, global average pool, linear layer to the five classes."""

    def __init__(self, classifier):
        super().__init__()
        self.classifier = classifier

    def forward(self, x):
        x = torch.nn.functional.relu(x)
        x = torch.nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.classifier(x)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(out):
    torch.manual_seed(121)
    net = torchvision.models.densenet121(weights=None, num_classes=len(CLASSES)).eval()
    f = net.features
    # Intermediate Grad-CAM layer: the output of the second dense block's transition (28x28 at 224 px).
    intermediate = torch.nn.Sequential(*list(f.children())[:7]).eval()
    features = torch.nn.Sequential(*list(f.children())[7:]).eval()
    head = Head(net.classifier).eval()
    folder = os.path.join(out, "densenet121")
    os.makedirs(folder, exist_ok=True)
    x = torch.zeros(1, 3, SIZE, SIZE)
    with torch.no_grad():
        mid = intermediate(x)
        pen = features(mid)
        torch.jit.save(torch.jit.trace(intermediate, x), os.path.join(folder, "intermediate.pt"))
        torch.jit.save(torch.jit.trace(features, mid), os.path.join(folder, "features.pt"))
        torch.jit.save(torch.jit.trace(head, pen), os.path.join(folder, "head.pt"))
    files = [("intermediate.pt", "intermediate"), ("features.pt", "features"), ("head.pt", "head")]
    manifest = {
        "formatVersion": 1,
        "name": "bench-densenet121",
        "version": "1.0.0",
        "role": "classifier",
        "demo": True,
        "classes": CLASSES,
        "input": {"size": SIZE, "micronsPerPixel": 0.25, "resampling": "bilinear", "channelOrder": "RGB",
                  "scale": "0..1", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
        "files": [{"path": n, "sha256": sha256(os.path.join(folder, n)), "purpose": p} for n, p in files],
        "gradCam": {"penultimate": "output of features.pt, %dx%dx%d" % tuple(pen.shape[1:]),
                    "intermediate": "output of intermediate.pt, %dx%dx%d" % tuple(mid.shape[1:])},
        "provenance": {"trainingData": "none: random weights (seed 121) for benchmarks",
                       "date": "2026-11-27", "seed": 121, "trainedBy": "src/bench/python/make_bench_models.py"},
        "intendedUse": "Benchmarking only; random weights, not a diagnostic model.",
    }
    with open(os.path.join(folder, "model.json"), "w") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    print(folder)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/bench-models")
