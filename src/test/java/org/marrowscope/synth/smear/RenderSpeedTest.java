package org.marrowscope.synth.smear;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports single-thread render throughput on usable smear. Timing is printed, never asserted:
 * it measures thread CPU time so that other load on the machine does not distort it.
 */
class RenderSpeedTest {

    @Test
    void reportsMegapixelsPerSecondPerThread() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int size = 512;
        int[] rgb = new int[size * size];
        StringBuilder report = new StringBuilder("render speed (Mpx/s per thread, CPU time):");
        List<SmearRenderer> renderers = new java.util.ArrayList<>();
        List<List<long[]>> tiles = new java.util.ArrayList<>();
        for (SmearClass c : SmearClass.values()) {
            SmearRenderer r = new SmearRenderer(SmearSpec.of(c, 100 + c.ordinal(), 20_000, 20_000));
            List<long[]> good = SmearTestSupport.tiles(r, QualityLabel.GOOD, size, 14);
            assertThat(good).hasSize(14);
            renderers.add(r);
            tiles.add(good);
            // warm the JIT on every class before timing any of them
            for (long[] at : good.subList(10, 14)) {
                r.render(at[0], at[1], size, size, rgb);
            }
        }
        for (SmearClass c : SmearClass.values()) {
            SmearRenderer r = renderers.get(c.ordinal());
            List<long[]> timed = tiles.get(c.ordinal()).subList(0, 10);
            long t0 = mx.getCurrentThreadCpuTime();
            for (long[] at : timed) {
                r.render(at[0], at[1], size, size, rgb);
            }
            double seconds = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
            report.append(String.format(" %s %.1f", c.label(), timed.size() * (double) size * size / 1e6 / seconds));
        }
        System.out.println(report);
    }
}
