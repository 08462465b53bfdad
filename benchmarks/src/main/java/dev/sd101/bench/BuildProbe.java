package dev.sd101.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One build in a fresh JVM, so that each measurement is cold and its heap limit ({@code -Xmx}) is its own.
 * Prints one machine-readable {@code PROBE} line: pages, files, bytes, each stage's nanoseconds, the build's
 * wall time and the peak heap.
 *
 * <p>Peak heap is the largest heap occupancy seen just before any collection (GC notifications), or at the end:
 * occupancy peaks right before a collection, so this is the real high-water mark, not the sum of per-pool peaks.
 *
 * <pre>{@code java -Xmx512m -cp … dev.sd101.bench.BuildProbe <source> <content root> <output> <lang> <split level> <image base url> [<cache dir>]}</pre>
 *
 * <p>Without a cache folder (or with an empty one) the build is a first build: every text is analysed.
 */
public final class BuildProbe {
    private BuildProbe() {
    }

    public static void main(String[] args) {
        AtomicLong peak = new AtomicLong();
        watchHeap(peak);
        SiteConfig config = SiteConfig.builder(Path.of(args[0]))
                .contentRoot(Path.of(args[1]))
                .outputDirectory(Path.of(args[2]))
                .language(args[3])
                .splitLevel(Integer.parseInt(args[4]))
                .imageBaseUrl(args[5].isEmpty() ? null : args[5])
                .cacheDirectory(args.length > 6 && !args[6].isEmpty() ? Path.of(args[6]) : null)
                .build();
        long start = System.nanoTime();
        BuildResult r = new Sd101().generate(config);
        long wall = System.nanoTime() - start;
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        StringBuilder line = new StringBuilder("PROBE pages=").append(r.pages()).append(" files=").append(r.files())
                .append(" bytes=").append(r.outputBytes()).append(" wall=").append(wall)
                .append(" peakHeap=").append(peak.get()).append(" problems=").append(r.problems().size());
        for (Map.Entry<String, Long> e : r.stageNanos().entrySet()) {
            line.append(" stage.").append(e.getKey()).append('=').append(e.getValue());
        }
        System.out.println(line);
    }

    private static void watchHeap(AtomicLong peak) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, h) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (MemoryUsage u : info.getGcInfo().getMemoryUsageBeforeGc().values()) {
                        used += u.getUsed();
                    }
                    // Before-GC usage includes non-heap pools (metaspace, code cache); subtract them for the heap only.
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                        if (isNonHeap(e.getKey())) {
                            used -= e.getValue().getUsed();
                        }
                    }
                    peak.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
    }

    private static boolean isNonHeap(String pool) {
        return pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed Class");
    }
}
