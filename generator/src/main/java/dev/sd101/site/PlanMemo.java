package dev.sd101.site;

import dev.sd101.content.Source;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What planning keeps between the builds of one engine ({@code serve}): the script language detected in each
 * source's text, the costliest part of planning a large site (every character of every file is looked at), reused
 * for a source whose text is unchanged. Only the latest build's detections are kept.
 */
public final class PlanMemo {
    private volatile Map<Source, Optional<String>> last = Map.of();
    private final Map<Source, Optional<String>> next = new ConcurrentHashMap<>();

    /** The language detected in {@code source}'s Markdown, {@code null} for none: the previous build's when equal. */
    String detected(Source source, java.util.function.Function<String, String> detect) {
        Optional<String> d = last.get(source);
        if (d == null) {
            d = Optional.ofNullable(detect.apply(source.markdown()));
        }
        next.put(source, d);
        return d.orElse(null);
    }

    /** Ends a plan: its detections become the ones the next plan reuses. */
    void commit() {
        last = Map.copyOf(next);
        next.clear();
    }
}
