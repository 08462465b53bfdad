package dev.sd101.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Wall time per stage ({@link dev.sd101.BuildResult#stageNanos()}: load, parse, plan, link, render, index, verify,
 * write). The render pass does four stages' work at once on every core: there each piece of work is summed per stage
 * ({@link #work}) and the pass's wall time is shared out in proportion ({@link #endPass}).
 */
final class StageClock {
    /** The stages the render pass interleaves, in the order their shares are taken. */
    private static final String[] PASS = {"render", "index", "verify", "write"};

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final AtomicLong[] work = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    private long passStart;

    /** Runs {@code work} and adds its wall time to {@code stage}. */
    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, System.nanoTime() - start);
        }
    }

    void run(String stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    synchronized void add(String stage, long n) {
        nanos.merge(stage, n, Long::sum);
    }

    void startPass() {
        passStart = System.nanoTime();
    }

    /** Work of one stage done inside the pass, on any thread; {@code since} is when it started. Returns now. */
    long work(String stage, long since) {
        long now = System.nanoTime();
        work[index(stage)].addAndGet(now - since);
        return now;
    }

    /** Shares the pass's wall time out among its stages; a stage that did nothing in it gets no entry. */
    void endPass() {
        long pass = System.nanoTime() - passStart;
        long sum = 0;
        for (AtomicLong w : work) {
            sum += w.get();
        }
        sum = Math.max(1, sum);
        long[] share = new long[PASS.length];
        share[0] = pass;
        for (int k = 1; k < PASS.length; k++) {
            share[k] = (long) ((double) pass * work[k].get() / sum); // a long product overflows
            share[0] -= share[k];
        }
        for (int k = 0; k < PASS.length; k++) {
            if (k == 0 || work[k].get() > 0) {
                add(PASS[k], share[k]);
            }
        }
    }

    /** The times so far, in the order the stages first ran. */
    synchronized Map<String, Long> nanos() {
        return new LinkedHashMap<>(nanos);
    }

    private static int index(String stage) {
        for (int k = 0; k < PASS.length; k++) {
            if (PASS[k].equals(stage)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a stage of the render pass: " + stage);
    }
}
