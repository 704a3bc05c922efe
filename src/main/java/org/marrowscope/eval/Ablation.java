package org.marrowscope.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.Voting;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.labels.LabelledSlide;
import org.marrowscope.train.RoiSampler;

/**
 * The paper's ablation of stage 1: each slide is represented by random non-background tiles (the corner rule
 * and the tissue mask only, no quality model) instead of stage 1's ROIs, and the classifiers are scored on
 * them at tile and patient level. The ensemble's classifiers show what stage 1 adds at test time; a classifier
 * trained on random tiles ({@code --ablation-model}) is the paper's ablation proper.
 */
final class Ablation {

    static final String TILES = "random tiles";

    private Ablation() {
    }

    /**
     * @param tilesOut receives, per slide, the random tiles used (for the ground-truth check)
     */
    static List<LevelResult> run(Evaluation.Request r, List<String> classes, List<LabelledSlide> slides,
            List<List<Tile>> tilesOut, Evaluation.Listener listener, CancellationToken cancel)
            throws IOException, ModelBundleException, SlideException {
        double mpp = ModelBundle.verify(r.models().quality()).input().micronsPerPixel();
        List<Path> dirs = new ArrayList<>(r.models().classifiers());
        if (r.ablationModel() != null) {
            dirs.add(r.ablationModel());
        }
        List<Classifier> classifiers = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, r.threads()), run -> {
            Thread t = new Thread(run, "marrowscope-ablation-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path d : dirs) {
                ModelBundle bundle = r.device() == null ? ModelBundle.load(d) : ModelBundle.load(d, TorchRuntime.device(r.device()));
                classifiers.add(new Classifier(bundle));
                if (!bundle.manifest().classes().equals(classes)) {
                    throw new IllegalArgumentException(d + " has classes " + bundle.manifest().classes()
                            + ", the ensemble " + classes);
                }
            }
            // perModel[m][slide] = probabilities of the slide's random tiles
            List<List<float[][]>> perModel = new ArrayList<>();
            classifiers.forEach(c -> perModel.add(new ArrayList<>()));
            for (int s = 0; s < slides.size(); s++) {
                cancel.throwIfCancelled();
                listener.onTask("Ablation: classifying random tiles", s, slides.size());
                List<Tile> tiles = new ArrayList<>();
                List<BufferedImage> images = randomTiles(r, slides.get(s).slide(), mpp, readers, tiles);
                tilesOut.add(tiles);
                for (int m = 0; m < classifiers.size(); m++) {
                    perModel.get(m).add(classifiers.get(m).probabilities(images));
                }
            }
            listener.onTask("Ablation: classifying random tiles", slides.size(), slides.size());
            List<LevelResult> out = new ArrayList<>();
            List<String> ensemble = new ArrayList<>();
            for (int m = 0; m < classifiers.size(); m++) {
                String name = classifiers.get(m).bundle().manifest().name();
                // The ablation model is the last; a name clash with an ensemble member must not merge their rows.
                name = m < r.models().classifiers().size() || !ensemble.contains(name) ? name : name + " [ablation]";
                ensemble.add(name);
                out.add(LevelResult.of("tile", name, TILES, tileCases(classes, slides, perModel.get(m)), r.bootstrap()));
                out.add(LevelResult.of("patient", name, TILES, patientCases(classes, slides, perModel.get(m)),
                        r.bootstrap()));
            }
            return out;
        } finally {
            readers.shutdownNow();
            classifiers.forEach(Classifier::close);
        }
    }

    private static List<BufferedImage> randomTiles(Evaluation.Request r, Path path, double mpp, ExecutorService readers,
            List<Tile> chosen) throws SlideException {
        try (Slide slide = Slides.open(path)) {
            TileGeometry geometry = RoiSampler.geometry(slide, mpp);
            List<Tile> tiles = RoiSampler.random(slide, geometry, r.randomTiles(), r.randomSeed());
            chosen.addAll(tiles);
            TileReader reader = new TileReader(slide, geometry, r.settings().background(), r.settings().stain());
            List<Future<BufferedImage>> reads = new ArrayList<>();
            for (Tile t : tiles) {
                Callable<BufferedImage> read = () -> reader.read(t);
                reads.add(readers.submit(read));
            }
            List<BufferedImage> images = new ArrayList<>();
            for (Future<BufferedImage> f : reads) {
                try {
                    images.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SlideException se) {
                        throw se;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return images;
        }
    }

    private static Cases tileCases(List<String> classes, List<LabelledSlide> slides, List<float[][]> probabilities) {
        List<Integer> truth = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        List<Integer> patient = new ArrayList<>();
        for (int s = 0; s < slides.size(); s++) {
            for (float[] p : probabilities.get(s)) {
                truth.add(slides.get(s).classIndex());
                scores.add(Evaluation.toDouble(p));
                patient.add(s);
            }
        }
        return Evaluation.cases(classes, truth, scores, patient, slides.size());
    }

    private static Cases patientCases(List<String> classes, List<LabelledSlide> slides, List<float[][]> probabilities) {
        List<Vote> votes = probabilities.stream().map(p -> Voting.vote(classes, p)).toList();
        return Evaluation.voteCases(classes, slides, votes);
    }
}
