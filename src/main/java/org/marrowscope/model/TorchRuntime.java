package org.marrowscope.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry to DJL's PyTorch engine: puts DJL in offline mode before the engine is first touched, makes
 * sure the natives are local, and chooses the device.
 *
 * <p>Offline mode ({@code ai.djl.offline=true}) stops DJL's model-zoo and repository downloads, but DJL 0.36
 * does <em>not</em> consult it when it locates the PyTorch natives: it extracts them from the
 * {@code pytorch-native-cpu} jar ({@code native/lib/pytorch.properties} names them) and the JNI glue from
 * {@code pytorch-jni} ({@code jnilib/pytorch.properties}) into its cache folder, and downloads them from
 * {@code publish.djl.ai} only when those jars are absent or {@code PYTORCH_VERSION} asks for another
 * version. {@link #engine()} therefore checks those conditions itself and refuses to start rather than let
 * DJL download, unless {@code -Dmarrowscope.allowNativeDownload=true} (a GPU workstation fetching its CUDA
 * natives once). {@code PYTORCH_LIBRARY_PATH} pointing at a local libtorch is accepted.
 *
 * <p>Device: {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu}, {@code gpu} or
 * {@code gpu:N}; the default comes from {@code -Dmarrowscope.device} or the {@code MARROWSCOPE_DEVICE}
 * environment variable, else {@code auto}.
 *
 * <p>All DJL access in MarrowScope goes through here: DJL reads the offline switch when its engine starts.
 */
public final class TorchRuntime {

    /** System property naming the default device. */
    public static final String DEVICE_PROPERTY = "marrowscope.device";
    /** Environment variable naming the default device, read when the property is absent. */
    public static final String DEVICE_ENV = "MARROWSCOPE_DEVICE";
    /** System property that lets DJL download natives (off by default: nothing downloads at run time). */
    public static final String ALLOW_DOWNLOAD_PROPERTY = "marrowscope.allowNativeDownload";

    private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
    private static final String ENGINE_NAME = "PyTorch";
    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(?::(\\d+))?");
    private static Engine engine;

    private TorchRuntime() {}

    /**
     * What runs the models.
     *
     * @param engine engine name
     * @param engineVersion PyTorch version
     * @param gpuCount GPUs DJL sees
     * @param defaultDevice the device {@link #preferredDevice()} resolves to
     * @param offline whether DJL's offline mode is in force
     * @param nativeLibraries folder the PyTorch natives were loaded from
     */
    public record Info(String engine, String engineVersion, int gpuCount, Device defaultDevice, boolean offline,
                       String nativeLibraries) {

        /** One line for logs, the progress bar and reports, e.g. "PyTorch 2.7.1 on cpu (0 GPUs, offline)". */
        public String describe() {
            return engine + " " + engineVersion + " on " + TorchRuntime.describe(defaultDevice) + " (" + gpuCount
                    + (gpuCount == 1 ? " GPU" : " GPUs") + (offline ? ", offline" : ", online") + ")";
        }
    }

    /** The PyTorch engine, started on first use in offline mode with local natives. */
    public static synchronized Engine engine() {
        if (engine == null) {
            if (!"true".equals(System.getProperty("ai.djl.offline"))) {
                System.setProperty("ai.djl.offline", "true");
            }
            if (!Boolean.getBoolean(ALLOW_DOWNLOAD_PROPERTY)) {
                requireLocalNatives();
            }
            NativesCache.requireUsable(NativesCache.folder());
            engine = Engine.getEngine(ENGINE_NAME);
            LOG.info("{} {} started, {} GPU(s), offline={}, natives from {}", engine.getEngineName(),
                    engine.getVersion(), engine.getGpuCount(), Utils.isOfflineMode(), LibUtils.getLibtorchPath());
        }
        return engine;
    }

    /** Engine, version, device and where the natives came from; starts the engine if needed. */
    public static Info info() {
        Engine e = engine();
        return new Info(e.getEngineName(), e.getVersion(), e.getGpuCount(), preferredDevice(),
                Utils.isOfflineMode(), LibUtils.getLibtorchPath());
    }

    /** The device from {@code -Dmarrowscope.device}, {@code MARROWSCOPE_DEVICE}, else {@code auto}. */
    public static Device preferredDevice() {
        String spec = System.getProperty(DEVICE_PROPERTY);
        if (spec == null || spec.isBlank()) {
            spec = System.getenv(DEVICE_ENV);
        }
        return device(spec == null ? "auto" : spec);
    }

    /**
     * Resolves a device name: {@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N} (also {@code cuda[:N]}).
     *
     * @throws IllegalArgumentException for an unknown name or a GPU that DJL does not see
     */
    public static Device device(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int gpus = engine().getGpuCount();
        if (s.isEmpty() || s.equals("auto")) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        Matcher m = GPU.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown device \"" + spec + "\": use auto, cpu, gpu or gpu:N");
        }
        int id = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (id >= gpus) {
            throw new IllegalArgumentException("device \"" + spec + "\" requested but DJL sees " + gpus
                    + (gpus == 1 ? " GPU" : " GPUs") + (gpus == 0 ? " (CPU-only PyTorch natives?)" : ""));
        }
        return Device.gpu(id);
    }

    /**
     * Sets PyTorch's intra-op thread count for this process (starting the engine if needed). One thread is far
     * faster than several on a machine whose cores other processes keep busy: PyTorch's threads wait for each
     * other at every operation, and measured on 2 shared cores a training step took 15 times longer with 2
     * threads than with 1.
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("PyTorch needs at least 1 thread, got " + threads);
        }
        engine();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        LOG.info("PyTorch intra-op threads set to {}", threads);
    }

    /** "cpu" or "gpu:N", the names {@link #device(String)} accepts. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    private static void requireLocalNatives() {
        String localLibtorch = System.getenv("PYTORCH_LIBRARY_PATH");
        if (localLibtorch != null && !localLibtorch.isBlank()) {
            return;
        }
        Properties natives = resource("native/lib/pytorch.properties");
        if (natives == null || Boolean.parseBoolean(natives.getProperty("placeholder"))) {
            throw refuse("the PyTorch natives jar (ai.djl.pytorch:pytorch-native-cpu) is not on the class path");
        }
        String override = System.getenv("PYTORCH_VERSION");
        override = override != null ? override : System.getProperty("PYTORCH_VERSION");
        String bundled = natives.getProperty("version", "");
        if (override != null && !override.isBlank() && !bundled.startsWith(override + "-")
                && !bundled.equals(override)) {
            throw refuse("PYTORCH_VERSION=" + override + " asks for other natives than the bundled " + bundled);
        }
        if (resource("jnilib/pytorch.properties") == null) {
            throw refuse("the PyTorch JNI jar (ai.djl.pytorch:pytorch-jni) is not on the class path");
        }
    }

    private static IllegalStateException refuse(String why) {
        return new IllegalStateException("PyTorch cannot start without downloading: " + why
                + ". MarrowScope never downloads at run time; set PYTORCH_LIBRARY_PATH to a local libtorch, "
                + "or -D" + ALLOW_DOWNLOAD_PROPERTY + "=true to let DJL fetch its natives once.");
    }

    private static Properties resource(String name) {
        try (InputStream in = TorchRuntime.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}
