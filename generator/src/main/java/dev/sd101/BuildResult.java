package dev.sd101;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build did.
 *
 * @param problems        every content problem, sorted
 * @param pages           pages rendered (0 for {@code check})
 * @param files           files in the site, assets included (0 when nothing was written)
 * @param outputDirectory where the site was written, or {@code null} when it was not
 * @param outputBytes     total size of the files written
 * @param stageNanos      wall time of each stage, in pipeline order
 */
public record BuildResult(List<Problem> problems, int pages, int files, Path outputDirectory, long outputBytes,
                          Map<String, Long> stageNanos) {
    public BuildResult {
        problems = List.copyOf(problems);
        stageNanos = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** How many problems have this severity. */
    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }

    /** Whether the site was written. */
    public boolean written() {
        return outputDirectory != null;
    }

    /** Total wall time in milliseconds. */
    public long millis() {
        return stageNanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
    }
}
