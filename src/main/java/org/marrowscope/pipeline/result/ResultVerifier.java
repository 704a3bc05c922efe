package org.marrowscope.pipeline.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A saved result is trusted only after it is proven whole and self-consistent: its content digest matches, every
 * required field is there with the right shape, and everything derived agrees with the ROIs it came from (each
 * ROI's labels are the argmax of its probabilities, each model's vote and the ensemble are what those labels
 * give, the uncertainty reasons are the ones the margin rule gives). An edited winner, edited votes or deleted
 * ROIs therefore never reach a summary, a report or a GeoJSON export.
 */
public final class ResultVerifier {

    /** The field holding the SHA-256 of the rest of the result (compact JSON, fields in file order). */
    public static final String DIGEST_FIELD = "contentSha256";

    /** Results larger than this are not results MarrowScope wrote (200 ROIs x 8 models is about 1 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final double TOLERANCE = 1e-4;

    private ResultVerifier() {
    }

    /** The result's tree with its digest field set, as {@link ResultStore#save} writes it. */
    static ObjectNode withDigest(ObjectMapper json, ClassificationResult result) throws IOException {
        // Round-trip through text first so that the digest is over exactly the numbers a reader will parse.
        ObjectNode tree = (ObjectNode) json.readTree(json.writeValueAsBytes(result));
        tree.remove(DIGEST_FIELD);
        tree.put(DIGEST_FIELD, digest(json, tree));
        return tree;
    }

    /** Reads and verifies a saved result. */
    public static ClassificationResult read(ObjectMapper json, Path file) throws InvalidResultException {
        JsonNode tree;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidResultException(file, "is " + size + " bytes, larger than any result MarrowScope writes");
            }
            tree = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidResultException(file, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidResultException(file, "cannot be read: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InvalidResultException(file, "is nested too deeply to be a result", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidResultException(file, "is not a JSON object");
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version != ClassificationResult.FORMAT_VERSION) {
            throw new InvalidResultException(file, "has format version " + version + "; this MarrowScope reads "
                    + ClassificationResult.FORMAT_VERSION + ". Classify the slide again.");
        }
        ObjectNode body = ((ObjectNode) tree).deepCopy();
        JsonNode recorded = body.remove(DIGEST_FIELD);
        if (recorded == null || !recorded.isTextual()) {
            throw new InvalidResultException(file, "has no content digest (" + DIGEST_FIELD + "): it was not written by"
                    + " this MarrowScope, or was edited");
        }
        String actual;
        try {
            actual = digest(json, body);
        } catch (IOException e) {
            throw new InvalidResultException(file, "cannot be digested: " + e.getMessage(), e);
        }
        if (!actual.equals(recorded.asText())) {
            throw new InvalidResultException(file, "was changed after it was written (content digest mismatch)");
        }
        ClassificationResult result;
        try {
            result = json.treeToValue(body, ClassificationResult.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidResultException(file, "does not have the fields of a result: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString()), e);
        }
        List<String> problems;
        try {
            problems = problems(result);
        } catch (RuntimeException e) {
            // Lists bound from JSON are null-free, but a crafted file may still hold shapes nobody wrote.
            throw new InvalidResultException(file, "is malformed: " + e, e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidResultException(file, "is inconsistent: " + String.join("; ", problems.subList(0,
                    Math.min(3, problems.size()))));
        }
        return result;
    }

    /** What is wrong with a result; empty when it is whole and self-consistent. */
    public static List<String> problems(ClassificationResult r) {
        List<String> p = new ArrayList<>();
        if (r.slide() == null || r.parameters() == null || r.quality() == null || r.timings() == null
                || r.selection() == null || r.device() == null || r.selection().mode() == null) {
            p.add("a required field (slide, parameters, quality, timings, selection, device) is missing");
            return p;
        }
        if (r.classifiers().isEmpty()) {
            p.add("no classifiers are recorded");
            return p;
        }
        List<String> classes = r.classes();
        if (classes == null || classes.isEmpty()) {
            p.add("the classifiers record no classes");
            return p;
        }
        for (ModelInfo m : r.classifiers()) {
            if (!classes.equals(m.classes())) {
                p.add("classifier " + m.name() + " has other classes than the first");
                return p;
            }
        }
        outcome(r, p);
        SelectionSummary sel = r.selection();
        if (sel.background() < 0 || sel.atHigh() < 0 || sel.atHigh() > sel.atLow() || sel.atLow() > sel.assessed()
                || sel.background() > sel.assessed() || sel.assessed() > sel.candidates()
                || sel.candidates() + sel.prunedAsGlass() != sel.gridTiles() || sel.prunedAsGlass() < 0) {
            p.add("stage 1's counts do not add up (grid, pruned, candidates, assessed, background, good tiles)");
        }
        if (r.rois().isEmpty() && sel.atLow() >= r.parameters().roiCount()) {
            p.add("no ROIs are recorded although " + sel.atLow() + " tiles reached the threshold");
        }
        int models = r.classifiers().size();
        int k = classes.size();
        if (r.rois().size() > r.parameters().roiCount() && r.selection().mode() != null
                && r.rois().size() > r.selection().candidates()) {
            p.add(r.rois().size() + " ROIs for " + r.parameters().roiCount() + " requested");
        }
        List<float[][]> perModel = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            perModel.add(new float[r.rois().size()][]);
        }
        for (int i = 0; i < r.rois().size(); i++) {
            RoiResult roi = r.rois().get(i);
            String at = "ROI " + i;
            if (roi == null || roi.index() != i || roi.size() <= 0 || roi.x() < 0 || roi.y() < 0
                    || roi.x() >= r.slide().width() || roi.y() >= r.slide().height()) {
                p.add(at + " has a wrong index or lies outside the slide");
                return p;
            }
            if (roi.probabilities().size() != models || roi.labels().size() != models) {
                p.add(at + " does not have one probability vector and one label per classifier");
                return p;
            }
            for (int m = 0; m < models; m++) {
                float[] prob = roi.probabilities().get(m);
                if (!probabilityVector(prob, k)) {
                    p.add(at + " has an invalid probability vector for " + r.classifiers().get(m).name());
                    return p;
                }
                if (!classes.get(Voting.argmax(prob)).equals(roi.labels().get(m))) {
                    p.add(at + "'s label " + roi.labels().get(m) + " is not its most probable class");
                }
                perModel.get(m)[i] = prob;
            }
        }
        if (r.rois().isEmpty()) {
            if (r.ensemble() != null || !r.perModel().isEmpty()) {
                p.add("a vote is recorded but there are no ROIs");
            }
            return p;
        }
        if (r.ensemble() == null || r.perModel().size() != models) {
            p.add("ROIs are recorded but not the votes of every classifier and the ensemble");
            return p;
        }
        List<Vote> votes = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ModelVote mv = r.perModel().get(m);
            Vote expected = Voting.vote(classes, perModel.get(m));
            if (mv == null || !Objects.equals(mv.model(), r.classifiers().get(m)) || !sameVote(mv.vote(), expected)) {
                p.add("the vote of " + r.classifiers().get(m).name() + " does not match its ROI labels");
            }
            votes.add(expected);
        }
        Vote ensemble = Voting.ensemble(classes, perModel);
        if (!sameVote(r.ensemble(), ensemble)) {
            p.add("the ensemble vote does not match the ROI labels (they give " + ensemble.label() + ")");
        }
        if (r.outcome().status() == Outcome.Status.CLASSIFIED) {
            // The margin and agreement reasons come first; the domain, prediction-set and field reasons follow.
            List<String> reasons = new Uncertainty(r.parameters().uncertaintyMargin()).reasons(ensemble, votes);
            if (!r.uncertaintyReasons().containsAll(reasons)) {
                p.add("the uncertainty reasons do not match the votes");
            }
        }
        return p;
    }

    /** The outcome agrees with the domain check and the flags a classified result must carry. */
    private static void outcome(ClassificationResult r, List<String> p) {
        Outcome o = r.outcome();
        if (o == null || o.status() == null || o.code() == null || o.reason() == null) {
            p.add("the outcome (status, reason code, reason) is missing");
            return;
        }
        boolean outside = r.domain() != null && r.domain().outside();
        boolean atypical = Outcome.ATYPICAL_CONFIDENCE.equals(o.code());
        if ((o.status() == Outcome.Status.OUTSIDE_DOMAIN) != (outside || atypical) || (atypical && outside)) {
            p.add("the outcome " + o.status() + " does not match the domain check");
        }
        if (o.status() == Outcome.Status.CLASSIFIED) {
            if (r.ensemble() == null) {
                p.add("a classified result has no vote");
            }
            boolean checked = r.domain() != null && r.domain().checked();
            var set95 = r.predictionSet(0.95);
            if ((!checked || set95 == null || set95.classes().size() != 1) && r.uncertaintyReasons().isEmpty()) {
                p.add("a classified result without a domain check or a single-class 95% set is not flagged uncertain");
            }
            // A smaller ensemble than the one chosen must say so; the reason is rebuilt from the recorded bundles.
            if (!r.leftOutModels().isEmpty()
                    && !r.uncertaintyReasons().contains(LeftOutModel.reason(r.classifiers().size(), r.leftOutModels()))) {
                p.add("bundles are recorded as left out but the result is not flagged uncertain for it");
            }
        } else if (!r.uncertaintyReasons().isEmpty()) {
            p.add("a result that is not classified carries uncertainty reasons");
        }
    }

    private static boolean probabilityVector(float[] prob, int k) {
        if (prob == null || prob.length != k) {
            return false;
        }
        double sum = 0;
        for (float v : prob) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
            sum += v;
        }
        return Math.abs(sum - 1) < 1e-3;
    }

    private static boolean sameVote(Vote saved, Vote expected) {
        if (saved == null || !expected.classes().equals(saved.classes()) || saved.winner() != expected.winner()
                || !Arrays.equals(saved.counts(), expected.counts())) {
            return false;
        }
        return close(saved.fractions(), expected.fractions()) && close(saved.meanProbability(), expected.meanProbability());
    }

    private static boolean close(double[] a, double[] b) {
        if (a == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    static String digest(ObjectMapper json, JsonNode body) throws IOException {
        try {
            byte[] compact = json.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compact));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
