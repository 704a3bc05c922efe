package org.marrowscope.spark;

import org.marrowscope.service.InferenceService;

/**
 * The one {@link InferenceService} of this JVM (an executor, or the driver in local mode): models load once per
 * executor and stay warm for every slide it is given, and concurrent tasks of the executor queue on its single
 * inference thread (the service's warm models are used from that thread only) while its reader pool reads tiles.
 */
final class WarmService {

    private static InferenceService service;

    private WarmService() {
    }

    static synchronized InferenceService get(String software) {
        if (service == null) {
            InferenceService created = new InferenceService(software, Math.max(1, Runtime.getRuntime().availableProcessors()));
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "marrowscope-service-close"));
            service = created;
        }
        return service;
    }
}
