package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * The domain check of one run: for each model that carries one, how many of the tiles it saw are unlike its
 * training tiles. The slide is outside the domain when any model's fraction exceeds that model's limit.
 *
 * @param checked whether every model used carries a domain check (if not, the result cannot rule out that the
 *     slide is unlike the training data, and says so)
 * @param models per model, its count and verdict
 * @param outside whether the slide is outside the models' domain
 */
public record DomainSummary(boolean checked, List<ModelDomain> models, boolean outside) {

    public DomainSummary {
        models = List.copyOf(models);
    }

    /**
     * One model's verdict.
     *
     * @param model the model's name
     * @param role "quality" or "classifier"
     * @param tiles tiles checked
     * @param unlike tiles whose distance exceeded the model's tile threshold
     * @param limit the fraction above which the slide is outside this model's domain
     * @param medianDistance the median distance of the tiles checked
     * @param tileThreshold the model's tile threshold (the 99th percentile of held-out in-domain tiles)
     */
    public record ModelDomain(String model, String role, int tiles, int unlike, double limit, double medianDistance,
            double tileThreshold) {

        public double fraction() {
            return tiles == 0 ? 0 : (double) unlike / tiles;
        }

        public boolean outside() {
            return tiles > 0 && fraction() > limit;
        }
    }

    /** The models whose check failed. */
    public List<ModelDomain> failing() {
        return models.stream().filter(ModelDomain::outside).toList();
    }
}
