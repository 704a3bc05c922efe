package org.marrowscope.slide;

import java.util.List;
import java.util.Map;

/** What `marrowscope info` and the properties panel show about a slide; a plain value, safe to serialise. */
public record SlideSummary(
        String path,
        String fileName,
        String format,
        long width,
        long height,
        List<SlideLevel> levels,
        MicronsPerPixel micronsPerPixel,
        Double objectivePower,
        List<AssociatedImage> associatedImages,
        Map<String, String> properties) {

    public static SlideSummary of(Slide slide) {
        return new SlideSummary(
                slide.path().toAbsolutePath().toString(),
                slide.path().getFileName().toString(),
                slide.format(),
                slide.width(),
                slide.height(),
                slide.levels(),
                slide.micronsPerPixel().orElse(null),
                slide.objectivePower().orElse(null),
                slide.associatedImages(),
                slide.properties());
    }
}
