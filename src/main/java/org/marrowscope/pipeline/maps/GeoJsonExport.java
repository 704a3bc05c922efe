package org.marrowscope.pipeline.maps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.marrowscope.colour.ClassColours;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

/**
 * ROIs as a GeoJSON FeatureCollection in level-0 pixel coordinates, the form QuPath imports
 * (File > Import objects): each ROI an annotation square classified by its label, in the paper's colour.
 */
public final class GeoJsonExport {

    private GeoJsonExport() {
    }

    public static ObjectNode of(ClassificationResult result) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode collection = f.objectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        List<String> classes = result.classes();
        for (RoiResult roi : result.rois()) {
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", "roi-" + roi.index());
            ObjectNode geometry = feature.putObject("geometry").put("type", "Polygon");
            ArrayNode ring = geometry.putArray("coordinates").addArray();
            long x0 = roi.x();
            long y0 = roi.y();
            long x1 = roi.x() + roi.size();
            long y1 = roi.y() + roi.size();
            for (long[] p : new long[][] {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}) {
                ring.addArray().add(p[0]).add(p[1]);
            }
            ObjectNode properties = feature.putObject("properties");
            properties.put("objectType", "annotation");
            properties.put("name", "ROI " + (roi.index() + 1));
            properties.put("isLocked", true);
            String label = roi.ensembleLabel();
            ObjectNode classification = properties.putObject("classification");
            classification.put("name", label);
            int rgb = ClassColours.of(label, classes);
            classification.putArray("color").add((rgb >> 16) & 0xFF).add((rgb >> 8) & 0xFF).add(rgb & 0xFF);
            ObjectNode measurements = properties.putObject("measurements");
            measurements.put("quality p(good)", roi.quality());
            int winner = result.ensemble().winner();
            measurements.put("p(" + classes.get(winner) + ")", SaliencyMap.meanProbability(roi, winner));
        }
        return collection;
    }
}
