package org.marrowscope.labels;

import java.nio.file.Path;

/**
 * A slide with its diagnosis (stage-2 labels).
 *
 * @param slide the slide file (absolute)
 * @param patient the patient it belongs to; the split keeps a patient's slides together (the slide's own
 *     name when the labels file has no patient column)
 * @param classIndex the diagnosis, as an index into the model's classes
 */
public record LabelledSlide(Path slide, String patient, int classIndex) {
}
