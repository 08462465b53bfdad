package dev.sd101.cli;

import dev.sd101.content.ContentRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command-line case of the bad-input corpus: a header, then the files it runs on, as Go's txtar writes them.
 * <pre>
 * # what the case shows (any number of comment lines)
 * $ check --source {dir}/docs      the command line, split at spaces; {dir} is the case's folder
 * exit 1                           the exit status
 * err {dir}/docs/a.md:3:1: error: …  stderr, exactly these lines in this order ("err ~REGEX" for a line that varies)
 * out sd101 check: 1 error(s), 0 warning(s)   a line stdout must hold ("out ~REGEX" likewise)
 * mojo check                       the Maven goal that gives the same message (none: a command-line-only case)
 * -- docs/a.md --
 * the file's text, up to the next "-- name --" line
 * </pre>
 * Messages name files as the engine shows them: relative to the working folder where possible, so {@code {dir}}
 * stands for the case's folder as shown.
 */
public record CliCase(List<String> command, int exit, List<String> errLines, List<String> outLines, String mojo,
                      Map<String, String> files) {

    public static CliCase parse(String text) {
        List<String> command = List.of();
        int exit = 0;
        List<String> err = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String mojo = null;
        Map<String, String> files = new LinkedHashMap<>();
        String file = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (file != null) {
                    files.put(file, body.toString());
                }
                file = line.substring(3, line.length() - 3);
                body.setLength(0);
            } else if (file != null) {
                body.append(line).append('\n');
            } else if (line.startsWith("$ ")) {
                command = List.of(line.substring(2).strip().split(" +"));
            } else if (line.startsWith("exit ")) {
                exit = Integer.parseInt(line.substring(5).strip());
            } else if (line.startsWith("err ")) {
                err.add(line.substring(4));
            } else if (line.startsWith("out ")) {
                out.add(line.substring(4));
            } else if (line.startsWith("mojo ")) {
                mojo = line.substring(5).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("not a case line: " + line);
            }
        }
        if (file != null) {
            String last = body.toString();
            files.put(file, last.endsWith("\n\n") ? last.substring(0, last.length() - 1) : last);
        }
        return new CliCase(command, exit, err, out, mojo, files);
    }

    /** Writes the case's files under {@code dir}; a file named {@code *.bin} holds hex bytes. */
    public void writeFiles(Path dir) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            if (f.getKey().endsWith("/")) {
                Files.createDirectories(p);
            } else {
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    public List<String> args(Path dir) {
        return command.stream().map(a -> a.replace("{dir}", shown(dir))).toList();
    }

    public List<String> err(Path dir) {
        return errLines.stream().map(l -> l.startsWith("~")
                ? l.replace("{dir}", java.util.regex.Pattern.quote(shown(dir))) : l.replace("{dir}", shown(dir))).toList();
    }

    public List<String> out(Path dir) {
        return outLines.stream().map(l -> l.startsWith("~")
                ? l.replace("{dir}", java.util.regex.Pattern.quote(shown(dir))) : l.replace("{dir}", shown(dir))).toList();
    }

    private static String shown(Path dir) {
        return ContentRoot.display(dir);
    }
}
