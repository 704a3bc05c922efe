package org.marrowscope.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} of a model bundle (a folder with this manifest and its TorchScript files; README,
 * "Model bundles"), format version 1.
 *
 * <h2>Format</h2>
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,                       // int, required; only 1 is understood
 *   "name": "tiny-cnn",                       // string, required
 *   "version": "1.0.0",                       // string, required
 *   "role": "classifier",                     // "quality" | "classifier", required
 *   "demo": true,                             // boolean, required: demonstration model, never clinical
 *   "classes": ["ALL","AML","CML","Lymphoma","MM"],  // required, unique; the output order of the model
 *   "goodIndex": 1,                           // quality role only, required there: index of "good" in classes
 *   "input": {                                // required
 *     "size": 64,                             // int > 0, required: the model sees size x size pixels
 *     "micronsPerPixel": 0.25,                // number > 0, required: resolution the model was trained at
 *     "resampling": "bilinear",               // "bilinear" | "bicubic" | "nearest", required
 *     "channelOrder": "RGB",                  // "RGB" | "BGR", default "RGB"
 *     "scale": "0..1",                        // "0..1" | "0..255": pixel range before mean/std, default "0..1"
 *     "mean": [0.485, 0.456, 0.406],          // 3 numbers in the scaled range, required
 *     "std":  [0.229, 0.224, 0.225]           // 3 numbers > 0, required
 *   },
 *   "files": [                                // required; paths relative to the bundle folder
 *     {"path": "intermediate.pt", "sha256": "<64 hex>", "purpose": "intermediate"},
 *     {"path": "features.pt",     "sha256": "<64 hex>", "purpose": "features"},
 *     {"path": "head.pt",         "sha256": "<64 hex>", "purpose": "head"},
 *     {"path": "calibration.json", "sha256": "<64 hex>", "purpose": "calibration"}  // optional, either role
 *   ],
 *   "gradCam": {                              // classifier role, required there
 *     "penultimate": "output of features.pt, 32x8x8",      // required: describes the layer
 *     "intermediate": "output of intermediate.pt, 16x16x16" // present exactly when an intermediate file is
 *   },
 *   "provenance": {                           // required
 *     "trainingData": "...",                  // required
 *     "date": "2025-01-01",                   // ISO date, required
 *     "seed": 42,                             // optional
 *     "metrics": {"heldOutAccuracy": 0.9},    // optional, name -> number
 *     "trainedBy": "...",                     // optional
 *     "split": {                              // optional: how the slides were divided (see Split)
 *       "method": "per patient, stratified by class", "fractions": [0.6, 0.2, 0.2], "seed": 7,
 *       "train": 30, "validation": 10, "test": 10
 *     },
 *     "training": {                           // optional: how it was trained (see Training)
 *       "startedFrom": "demo-resnet 0.0.0 (untrained template)", "headEpochs": 1, "epochs": 8,
 *       "bestEpoch": 6, "batchSize": 32, "headLearningRate": 0.005, "learningRate": 0.0005,
 *       "momentum": 0.9, "augmentation": "...", "device": "cpu", "seconds": 512.3, "imagesPerSecond": 148.2
 *     }
 *   },
 *   "intendedUse": "..."                      // required
 * }
 * }</pre>
 *
 * Unknown fields are refused so that a typo cannot silently drop a setting; a later format adds fields under
 * a new {@code formatVersion}.
 *
 * <h2>Calibration</h2>
 *
 * An optional {@code calibration.json} (purpose {@code calibration}, hashed like every file) holds a
 * {@link org.marrowscope.calibration.ModelCalibration}: the temperature for the logits, the domain check on the
 * model's features and its scores on held-out calibration slides. {@code marrowscope train calibrate} derives it.
 * Without it the model still runs, and every result says that its domain was not checked.
 *
 * <h2>Files and the Grad-CAM layers</h2>
 *
 * Every TorchScript file maps tensors to tensors and outputs logits at its end; MarrowScope applies the
 * softmax. A <b>quality</b> bundle has one file of purpose {@code model}: image batch (N,3,S,S) to logits
 * (N,classes). A <b>classifier</b> bundle is split into a chain of stages, applied in this order:
 *
 * <ol>
 *   <li>{@code intermediate} (optional): image (N,3,S,S) to the intermediate Grad-CAM layer's activations
 *       (N,K1,H1,W1), i.e. the lower part of the feature extractor;
 *   <li>{@code features}: the previous stage's output (the image when there is no intermediate stage) to the
 *       penultimate feature map (N,K,H,W), the last one before the classifier;
 *   <li>{@code head}: (N,K,H,W) to logits (N,classes), typically global pooling and a linear layer.
 * </ol>
 *
 * Why a chain and not extra outputs: Grad-CAM at a layer needs the gradient of p_c with respect to that
 * layer's activations, so everything after the layer must be a separate differentiable module whose input is
 * those activations. Splitting at the intermediate layer gives exactly that without storing any weight twice
 * (a features file returning several maps would still need a second copy of the upper layers). Export each
 * stage with {@code torch.jit.trace} or {@code torch.jit.script} from the model in eval mode; dropout and
 * batch norm may stay in, since {@link GradCam} runs the stages in eval mode with gradients recorded.
 * Exporting from a torchvision model: e.g. for ResNet, intermediate = conv1..layer3, features = layer4,
 * head = avgpool + flatten + fc.
 *
 * @param formatVersion the manifest format, 1
 * @param name model name shown to users
 * @param version model version
 * @param role quality or classifier
 * @param demo true for a demonstration model (never for clinical use)
 * @param classes output classes in the model's output order
 * @param goodIndex index of the "good" class (quality role only)
 * @param input how tiles are turned into the model's input tensor
 * @param files the TorchScript files with their SHA-256 and purpose
 * @param gradCam descriptions of the Grad-CAM layers (classifier role)
 * @param provenance how the model was made
 * @param intendedUse statement of intended use
 */
public record ModelManifest(
        Integer formatVersion,
        String name,
        String version,
        Role role,
        Boolean demo,
        List<String> classes,
        Integer goodIndex,
        Input input,
        List<FileEntry> files,
        GradCamLayers gradCam,
        Provenance provenance,
        String intendedUse) {

    /** The only {@code formatVersion} this code reads. */
    public static final int FORMAT_VERSION = 1;

    public ModelManifest {
        classes = classes == null ? null : List.copyOf(classes);
        files = files == null ? null : List.copyOf(files);
    }

    /** The file entry with the given purpose, or null. */
    public FileEntry file(Purpose purpose) {
        return files.stream().filter(f -> f.purpose() == purpose).findFirst().orElse(null);
    }

    /** What the model is for. */
    public enum Role {
        @JsonProperty("quality")
        QUALITY,
        @JsonProperty("classifier")
        CLASSIFIER
    }

    /** The part a file plays; see the class comment for the stage chain. */
    public enum Purpose {
        @JsonProperty("model")
        MODEL,
        @JsonProperty("intermediate")
        INTERMEDIATE,
        @JsonProperty("features")
        FEATURES,
        @JsonProperty("head")
        HEAD,
        /** Not a stage: {@code calibration.json}, what the model knows about its own confidence and domain. */
        @JsonProperty("calibration")
        CALIBRATION
    }

    /** How a tile is resized to the input size; both filters antialias when shrinking (see {@link Resampler}). */
    public enum Resampling {
        @JsonProperty("bilinear")
        BILINEAR,
        @JsonProperty("bicubic")
        BICUBIC,
        @JsonProperty("nearest")
        NEAREST
    }

    /** Channel order of the input tensor. */
    public enum ChannelOrder {
        RGB,
        BGR
    }

    /** Range the 8-bit pixel values are mapped to before mean/std normalisation. */
    public enum Scale {
        @JsonProperty("0..1")
        UNIT,
        @JsonProperty("0..255")
        BYTE
    }

    /**
     * Input tensor recipe: resize to size x size, map to the scale's range, then (v - mean) / std per channel.
     *
     * @param size square input size in pixels
     * @param micronsPerPixel resolution the model was trained at
     * @param resampling resize filter
     * @param channelOrder channel order, RGB when absent
     * @param scale pixel range, 0..1 when absent
     * @param mean per-channel mean, in channel order
     * @param std per-channel standard deviation, in channel order
     */
    public record Input(
            Integer size,
            Double micronsPerPixel,
            Resampling resampling,
            ChannelOrder channelOrder,
            Scale scale,
            List<Double> mean,
            List<Double> std) {

        public Input {
            channelOrder = channelOrder == null ? ChannelOrder.RGB : channelOrder;
            scale = scale == null ? Scale.UNIT : scale;
            mean = mean == null ? null : List.copyOf(mean);
            std = std == null ? null : List.copyOf(std);
        }
    }

    /**
     * One file of the bundle.
     *
     * @param path path relative to the bundle folder
     * @param sha256 lowercase hex SHA-256 of the file
     * @param purpose the part the file plays
     */
    public record FileEntry(String path, String sha256, Purpose purpose) {}

    /**
     * Human-readable descriptions of the two Grad-CAM layers.
     *
     * @param penultimate the penultimate layer (output of the features stage)
     * @param intermediate the intermediate layer (output of the intermediate stage), null when the bundle has none
     */
    public record GradCamLayers(String penultimate, String intermediate) {}

    /**
     * How the model was made.
     *
     * @param trainingData description of the training data
     * @param date ISO date of training
     * @param seed random seed, if any
     * @param metrics evaluation metrics by name
     * @param trainedBy tool or person that trained it
     * @param split how the slides were divided into training, validation and test sets, if known
     * @param training the training schedule and its cost, if known
     */
    public record Provenance(
            String trainingData, String date, Long seed, Map<String, Double> metrics, String trainedBy, Split split,
            Training training) {

        public Provenance {
            // Keeps the file's order for display.
            metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        /** Provenance without split and training details (models made outside {@code marrowscope train}). */
        public Provenance(String trainingData, String date, Long seed, Map<String, Double> metrics, String trainedBy) {
            this(trainingData, date, seed, metrics, trainedBy, null, null);
        }
    }

    /**
     * How the slides were divided; every slide (and every patient) is in exactly one set.
     *
     * @param method e.g. "per patient, stratified by class"
     * @param fractions the intended train, validation and test fractions (the paper's 0.6, 0.2, 0.2)
     * @param seed seed of the division
     * @param train slides in the training set
     * @param validation slides in the validation set (checkpoint choice)
     * @param test slides held out for testing
     */
    public record Split(String method, List<Double> fractions, Long seed, Integer train, Integer validation,
                        Integer test) {

        public Split {
            fractions = fractions == null ? null : List.copyOf(fractions);
        }
    }

    /**
     * The training schedule (paper: the new head first, then the whole network) and what it cost.
     *
     * @param startedFrom the bundle training started from (an untrained template or an earlier model)
     * @param headEpochs epochs training only the head (feature stages frozen)
     * @param epochs epochs training the whole network
     * @param bestEpoch the epoch whose checkpoint was kept (best validation accuracy), counted over both phases
     * @param batchSize tiles per step
     * @param headLearningRate SGD learning rate of the head-only phase
     * @param learningRate SGD learning rate of the whole-network phase
     * @param momentum SGD momentum
     * @param augmentation the augmentation applied to training tiles
     * @param device where it ran
     * @param seconds wall-clock training time (both phases, validation included)
     * @param imagesPerSecond training tiles processed per second (forward, backward and update)
     */
    public record Training(String startedFrom, Integer headEpochs, Integer epochs, Integer bestEpoch,
                           Integer batchSize, Double headLearningRate, Double learningRate, Double momentum,
                           String augmentation, String device, Double seconds, Double imagesPerSecond) {}
}
