#!/usr/bin/python3
"""Exports the untrained architecture templates that `marrowscope train` starts from.

Run from the repository root with Debian's python3-torch 1.13 (apt), never at run time or in CI:

    /usr/bin/python3 src/train/python/make_templates.py [OUT]          # OUT defaults to models/templates/

No pretrained ImageNet weights exist offline, so every template is randomly initialised from a fixed seed
(torch.manual_seed) and the demonstration models are trained from scratch by MarrowScope itself. Each
template is a valid model bundle (model.json format: org.marrowscope.model.ModelManifest) marked as an
untrained demo, so `marrowscope train` reads its input recipe, classes and stage files from one place:

  demo-quality/   stage 1, VGG-style plain CNN (the paper's stage 1 is VGG-16): model.pt, classes poor/good
  demo-resnet/    stage 2, ResNet-style residual CNN:  intermediate.pt -> features.pt -> head.pt
  demo-densenet/  stage 2, DenseNet-style CNN (the paper's final model is DenseNet121), same three stages
  demo-mobilenet/ stage 2, MobileNetV3-style CNN (inverted residuals, depthwise convolutions, squeeze-and-
                  excitation; the paper's MobileNetV3Large), same three stages

Modules are exported with torch.jit.script, not trace: tracing freezes batch norm and dropout in the mode
they were traced in, and training needs them to follow train()/eval(). Sizes are chosen to train on two CPU
cores: 96x96 inputs for the classifiers (a 512-pixel tile at 0.25 um/px seen at 1.33 um/px) and 160x160 for
stage 1 (blur must stay visible), about 0.06-0.3 M parameters each.
"""
import datetime
import hashlib
import json
import os
import shutil
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# TorchScript lists some attributes in hash order: pin string hashing so reruns write identical weights and code
# (the archives still differ in their debug records, which hold this script's line numbers).
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

CLASSES = ["ALL", "AML", "CML", "Lymphoma", "MM"]
QUALITY_CLASSES = ["poor", "good"]
SIZE = 96  # classifiers: a 512-pixel tile seen at 1.33 um/px; cell size, colour and N:C still separate the classes
QUALITY_SIZE = 160  # stage 1 at 0.8 um/px: out-of-focus areas are still visibly soft, which 96 pixels hide
MPP = 0.25  # the 40x scans the pipeline's 512-pixel tiles are defined at
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
SEEDS = {"demo-quality": 1601, "demo-resnet": 1602, "demo-densenet": 1603, "demo-mobilenet": 1604}

torch.set_num_threads(1)


def conv_bn(cin, cout, stride=1, kernel=3):
    return nn.Sequential(nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(inplace=True))


class BasicBlock(nn.Module):
    """ResNet's basic block: two 3x3 convolutions and a shortcut (1x1 projection when the shape changes)."""

    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
        else:
            self.shortcut = nn.Identity()

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x))


class DenseLayer(nn.Module):
    """DenseNet's bottleneck layer: BN-ReLU-1x1 conv, BN-ReLU-3x3 conv, output concatenated to the input."""

    def __init__(self, cin, growth):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = nn.Conv2d(cin, 4 * growth, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(4 * growth)
        self.conv2 = nn.Conv2d(4 * growth, growth, 3, 1, 1, bias=False)

    def forward(self, x):
        y = self.conv1(F.relu(self.bn1(x)))
        y = self.conv2(F.relu(self.bn2(y)))
        return torch.cat([x, y], 1)


def dense_block(cin, layers, growth):
    block = nn.Sequential(*[DenseLayer(cin + i * growth, growth) for i in range(layers)])
    return block, cin + layers * growth


class SqueezeExcite(nn.Module):
    """Channel attention of MobileNetV3: global pooling, a bottleneck, a hard-sigmoid gate on each channel."""

    def __init__(self, channels):
        super().__init__()
        squeezed = max(8, channels // 4)
        self.reduce = nn.Conv2d(channels, squeezed, 1)
        self.expand = nn.Conv2d(squeezed, channels, 1)

    def forward(self, x):
        s = F.adaptive_avg_pool2d(x, 1)
        s = F.hardsigmoid(self.expand(F.relu(self.reduce(s))))
        return x * s


class InvertedResidual(nn.Module):
    """MobileNet's block: 1x1 expansion, depthwise 3x3, optional squeeze-excite, linear 1x1 projection."""

    def __init__(self, cin, cout, expand, stride=1, se=False):
        super().__init__()
        hidden = cin * expand
        layers = []
        if expand != 1:
            layers += [nn.Conv2d(cin, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.Hardswish()]
        layers += [nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False), nn.BatchNorm2d(hidden),
                   nn.Hardswish()]
        if se:
            layers.append(SqueezeExcite(hidden))
        layers += [nn.Conv2d(hidden, cout, 1, bias=False), nn.BatchNorm2d(cout)]
        self.block = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.block(x)
        if self.residual:
            return x + y
        return y


def transition(cin, cout):
    return nn.Sequential(nn.BatchNorm2d(cin), nn.ReLU(inplace=True), nn.Conv2d(cin, cout, 1, bias=False),
                         nn.AvgPool2d(2))


class Head(nn.Module):
    """Global average pooling and a new linear classifier: the part the first training phase adapts alone."""

    def __init__(self, channels, classes):
        super().__init__()
        self.fc = nn.Linear(channels, classes)

    def forward(self, x):
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def resnet():
    """96 -> 48 (stem) -> 48 -> 24 | -> 12 -> 6; intermediate layer 32x24x24, penultimate 128x6x6."""
    intermediate = nn.Sequential(conv_bn(3, 16, 2), BasicBlock(16, 16), BasicBlock(16, 32, 2))
    features = nn.Sequential(BasicBlock(32, 64, 2), BasicBlock(64, 128, 2))
    return intermediate, features, Head(128, len(CLASSES))


def densenet():
    """96 -> 24 (stem, pool) -> dense -> 12 | -> dense -> 6 -> dense; intermediate 60x12x12, penultimate 6x6."""
    growth = 12
    block1, c1 = dense_block(24, 4, growth)
    block2, c2 = dense_block(c1 // 2, 4, growth)
    block3, c3 = dense_block(c2 // 2, 4, growth)
    intermediate = nn.Sequential(conv_bn(3, 24, 2), nn.MaxPool2d(2), block1, transition(c1, c1 // 2))
    features = nn.Sequential(block2, transition(c2, c2 // 2), block3, nn.BatchNorm2d(c3), nn.ReLU(inplace=True))
    return intermediate, features, Head(c3, len(CLASSES))


def mobilenet():
    """96 -> 48 (stem) -> 24 | -> 12 -> 6; intermediate layer 24x24x24, penultimate 192x6x6."""
    intermediate = nn.Sequential(conv_bn(3, 16, 2), InvertedResidual(16, 16, 1), InvertedResidual(16, 24, 4, 2),
                                 InvertedResidual(24, 24, 3))
    features = nn.Sequential(InvertedResidual(24, 40, 3, 2, se=True), InvertedResidual(40, 40, 3, se=True),
                             InvertedResidual(40, 80, 4, 2), InvertedResidual(80, 80, 3),
                             InvertedResidual(80, 96, 4, se=True),
                             nn.Conv2d(96, 192, 1, bias=False), nn.BatchNorm2d(192), nn.Hardswish())
    return intermediate, features, Head(192, len(CLASSES))


def quality():
    """VGG-style stack of 3x3 convolutions and max pooling, two outputs (poor, good)."""
    return nn.Sequential(conv_bn(3, 16, 2), nn.MaxPool2d(2), conv_bn(16, 32), nn.MaxPool2d(2), conv_bn(32, 64),
                         nn.MaxPool2d(2), conv_bn(64, 64), Head(64, len(QUALITY_CLASSES)))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def save(module, path):
    torch.jit.save(torch.jit.script(module.eval()), path)


def manifest(name, role, classes, seed, architecture, size=SIZE):
    return {
        "formatVersion": 1,
        "name": name,
        "version": "0.0.0",
        "role": role,
        "demo": True,
        "classes": classes,
        "input": {"size": size, "micronsPerPixel": MPP, "resampling": "bilinear", "channelOrder": "RGB",
                  "scale": "0..1", "mean": MEAN, "std": STD},
        "provenance": {"trainingData": "none: untrained " + architecture + " template, random weights (seed "
                                       + str(seed) + "), from src/train/python/make_templates.py",
                       "date": datetime.date.today().isoformat(), "seed": seed, "trainedBy": "src/train/python/make_templates.py"},
        "intendedUse": "Untrained architecture template: the starting point of `marrowscope train`. Random weights; "
                       "it classifies nothing.",
    }


def write(folder, m, files):
    m["files"] = [{"path": n, "sha256": sha256(os.path.join(folder, n)), "purpose": p} for n, p in files]
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(m, f, indent=2)
        f.write("\n")


def export_classifier(out, name, build, architecture):
    seed = SEEDS[name]
    torch.manual_seed(seed)
    intermediate, features, head = build()
    folder = os.path.join(out, name)
    os.makedirs(folder)
    with torch.no_grad():
        x = torch.zeros(2, 3, SIZE, SIZE)
        mid = intermediate.eval()(x)
        pen = features.eval()(mid)
        assert head.eval()(pen).shape == (2, len(CLASSES))
    save(intermediate, os.path.join(folder, "intermediate.pt"))
    save(features, os.path.join(folder, "features.pt"))
    save(head, os.path.join(folder, "head.pt"))
    m = manifest(name, "classifier", CLASSES, seed, architecture)
    m["gradCam"] = {"penultimate": "output of features.pt, %dx%dx%d" % tuple(pen.shape[1:]),
                    "intermediate": "output of intermediate.pt, %dx%dx%d" % tuple(mid.shape[1:])}
    write(folder, m, [("intermediate.pt", "intermediate"), ("features.pt", "features"), ("head.pt", "head")])
    params = sum(p.numel() for p in list(intermediate.parameters()) + list(features.parameters())
                 + list(head.parameters()))
    print(f"{name}: {params} parameters, intermediate {tuple(mid.shape[1:])}, penultimate {tuple(pen.shape[1:])}")


def export_quality(out):
    name = "demo-quality"
    seed = SEEDS[name]
    torch.manual_seed(seed)
    model = quality()
    folder = os.path.join(out, name)
    os.makedirs(folder)
    save(model, os.path.join(folder, "model.pt"))
    with torch.no_grad():
        assert model.eval()(torch.zeros(2, 3, QUALITY_SIZE, QUALITY_SIZE)).shape == (2, len(QUALITY_CLASSES))
    m = manifest(name, "quality", QUALITY_CLASSES, seed, "VGG-style", QUALITY_SIZE)
    m["goodIndex"] = 1
    write(folder, m, [("model.pt", "model")])
    print(f"{name}: {sum(p.numel() for p in model.parameters())} parameters")


def main(out):
    for name in SEEDS:
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    os.makedirs(out, exist_ok=True)
    export_quality(out)
    export_classifier(out, "demo-resnet", resnet, "ResNet-style")
    export_classifier(out, "demo-densenet", densenet, "DenseNet-style")
    export_classifier(out, "demo-mobilenet", mobilenet, "MobileNetV3-style")
    print("written to", os.path.normpath(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join("models", "templates"))
