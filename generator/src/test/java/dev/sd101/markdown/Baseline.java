package dev.sd101.markdown;

import dev.sd101.GoldenFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checked-in list of examples that still differ from GitHub, one a line: {@code id<TAB>cause<TAB>reason}, lines
 * starting with {@code #} are comments. Only shrinks: {@link #check} fails on a new difference and on a listed
 * example that now matches. {@code -Dsd101.update=true} ({@link GoldenFiles}) rewrites it, keeping known reasons.
 */
record Baseline(Path file) {
    /** Ids ordered by prefix, then number: cm-2 before cm-10. */
    static final Comparator<String> ORDER = Comparator.comparing((String id) -> id.replaceFirst("-?\\d+$", ""))
            .thenComparingInt(id -> id.matches(".*-\\d+") ? Integer.parseInt(id.replaceFirst(".*-", "")) : 0)
            .thenComparing(Comparator.naturalOrder());

    Map<String, String> read() throws IOException {
        Map<String, String> out = new TreeMap<>(ORDER);
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return out;
    }

    /**
     * Fails unless {@code differing} (id → section) is exactly the listed set. With {@code partial} (some inputs were
     * absent), a listed id that was not compared is not taken for fixed: only ids starting like a compared one count.
     */
    void check(Map<String, String> differing, boolean partial) throws IOException {
        Map<String, String> listed = read();
        if (GoldenFiles.update() && !partial) {
            List<String> header = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("#")) {
                        header.add(line);
                    }
                }
            }
            StringBuilder b = new StringBuilder();
            header.forEach(h -> b.append(h).append('\n'));
            differing.forEach((id, section) -> b.append(id).append('\t')
                    .append(listed.getOrDefault(id, "TODO\t" + section)).append('\n'));
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            return;
        }
        List<String> added = differing.keySet().stream().filter(id -> !listed.containsKey(id)).toList();
        List<String> fixed = listed.keySet().stream().filter(id -> !differing.containsKey(id))
                .filter(id -> !partial || id.startsWith("file:content/")).toList();
        if (!added.isEmpty() || !fixed.isEmpty()) {
            fail((added.isEmpty() ? "" : "now differ from GitHub (a regression; see target/differential/): " + added + "\n")
                    + (fixed.isEmpty() ? "" : "now match GitHub: remove them from " + file + ": " + fixed));
        }
    }
}
