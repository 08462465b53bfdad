package dev.sd101.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageClockTest {
    @Test
    void thePassWallTimeIsSharedOutAmongTheStagesThatWorkedInIt() {
        StageClock clock = new StageClock();
        clock.run("load", () -> { });
        clock.startPass();
        long t = System.nanoTime();
        busy();
        t = clock.work("render", t);
        busy();
        clock.work("verify", t);
        clock.endPass();
        Map<String, Long> nanos = clock.nanos();
        // In the order the stages first ran; index and write did nothing in the pass and get no entry.
        assertEquals(List.of("load", "render", "verify"), List.copyOf(nanos.keySet()));
        assertTrue(nanos.get("render") > 0 && nanos.get("verify") > 0, nanos.toString());
    }

    @Test
    void onlyThePassStagesAreTimedAsWorkInIt() {
        assertThrows(IllegalArgumentException.class, () -> new StageClock().work("parse", System.nanoTime()));
    }

    private static void busy() {
        long end = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
