package dev.sd101;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A site built in memory and not written: what {@link Sd101#build} returns.
 *
 * @param result what the build did ({@link BuildResult#written()} is false)
 * @param files  path relative to the site root → bytes, sorted; empty when strict mode stopped the build
 * @param copies path relative to the site root → the local file it is a copy of (images)
 */
public record SiteBuild(BuildResult result, Map<String, byte[]> files, Map<String, Path> copies) {
    public SiteBuild {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        copies = Collections.unmodifiableMap(new TreeMap<>(copies));
    }
}
