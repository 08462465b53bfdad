package dev.sd101.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the analysis of texts seen in this build and the one before, so that a rebuild after a small
 * edit (as {@code serve} does) analyses only the sections whose text changed. Nori dominates a warm
 * rebuild otherwise. Memory stays bounded by two builds' worth of distinct texts.
 */
final class TermCache {
    private volatile Map<String, List<String>> previous = Map.of();
    private volatile Map<String, List<String>> current = new ConcurrentHashMap<>();

    /** Starts a new build: what the last build used stays available, anything older is dropped. */
    synchronized void nextBuild() {
        previous = current;
        current = new ConcurrentHashMap<>();
    }

    List<String> terms(String text, Function<String, List<String>> analyse) {
        Map<String, List<String>> now = current;
        List<String> hit = now.get(text);
        if (hit == null) {
            hit = previous.get(text);
            if (hit == null) {
                hit = List.copyOf(analyse.apply(text));
            }
            now.put(text, hit);
        }
        return hit;
    }
}
