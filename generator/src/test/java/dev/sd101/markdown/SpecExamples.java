package dev.sd101.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples in the CommonMark spec's format: a fence of 32 backticks and {@code example}, the Markdown, a line
 * {@code .}, the expected HTML (ignored here: cmark-gfm is the oracle), the closing fence. Tabs are written
 * {@code →}. Ids are {@code prefix-number}, numbered from 1 in file order as the spec numbers them.
 */
record SpecExamples(String prefix) {
    private static final String FENCE = "`".repeat(32);

    record Example(String id, String section, String markdown) {
    }

    List<Example> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int end = text.indexOf("<!-- END TESTS -->");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\n", -1);
        List<Example> out = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.matches("#{1,6} +.*")) {
                section = line.replaceFirst("#{1,6} +", "").strip();
            } else if (line.startsWith(FENCE + " example")) {
                StringBuilder md = new StringBuilder();
                int j = i + 1;
                for (; !lines[j].equals("."); j++) {
                    md.append(lines[j]).append('\n');
                }
                while (!lines[j].equals(FENCE)) {
                    j++;
                }
                out.add(new Example(prefix + "-" + (out.size() + 1), section, md.toString().replace('→', '\t')));
                i = j;
            }
        }
        return out;
    }
}
