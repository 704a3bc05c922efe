package org.marrowscope.pipeline;

import java.util.List;
import org.marrowscope.pipeline.result.SelectionMode;

/**
 * The outcome of stage 1.
 *
 * @param mode how the ROIs were chosen (or that the slide is not classifiable)
 * @param rois the selected tiles with their quality, in selection order (empty when not classifiable)
 * @param candidates tiles on the grid that the tissue mask did not rule out
 * @param assessed tiles visited (corner rule applied, and scored unless background)
 * @param background assessed tiles rejected by the corner rule
 * @param atHigh assessed tiles with p(good) >= the high threshold
 * @param atLow assessed tiles with p(good) >= the low threshold
 * @param exhaustive whether every candidate was assessed (then atHigh and atLow are the slide's totals)
 * @param tissue up to the ROI count of the assessed non-background tiles, in the (random) visiting order: what
 *     the domain check looks at when the slide is not classifiable, to tell poor quality from foreign input
 */
public record Selection(SelectionMode mode, List<TileAssessment> rois, int candidates, int assessed, int background,
        int atHigh, int atLow, boolean exhaustive, List<TileAssessment> tissue) {

    public Selection {
        rois = List.copyOf(rois);
        tissue = List.copyOf(tissue);
    }

    public boolean classifiable() {
        return mode != SelectionMode.NOT_CLASSIFIABLE;
    }
}
