package org.marrowscope.model;

import ai.djl.util.Utils;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link OfflineTest} in a fresh JVM (the engine starts once per JVM): loads a bundle and classifies a
 * tile with every network route instrumented, then prints what happened as KEY=value lines.
 */
public final class OfflineProbe {

    private static final AtomicInteger NETWORK = new AtomicInteger();

    private OfflineProbe() {}

    public static void main(String[] args) {
        URL.setURLStreamHandlerFactory(protocol -> switch (protocol) {
            case "http", "https", "ftp" -> new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) throws IOException {
                    NETWORK.incrementAndGet();
                    System.out.println("NETWORK_ATTEMPT=" + u);
                    throw new IOException("network disabled by OfflineProbe: " + u);
                }
            };
            default -> null;
        });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                NETWORK.incrementAndGet();
                System.out.println("NETWORK_ATTEMPT=" + uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException e) {}
        });
        int status = 0;
        try (Classifier classifier = Classifier.load(Path.of(args[0]))) {
            float[][] p = classifier.probabilities(List.of(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));
            System.out.println("CLASSES=" + p[0].length);
            System.out.println("INFO=" + TorchRuntime.info().describe());
            System.out.println("NATIVES=" + TorchRuntime.info().nativeLibraries());
        } catch (ModelBundleException e) {
            System.out.println("REFUSED=" + e.getMessage());
            status = 3;
        }
        System.out.println("OFFLINE=" + Utils.isOfflineMode());
        System.out.println("NETWORK=" + NETWORK.get());
        System.exit(status);
    }
}
