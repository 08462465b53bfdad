package dev.sd101.markdown;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * GitHub's own Markdown parser, the oracle: the {@code cmark-gfm} command with the extensions github.com turns on
 * (table, strikethrough, autolink, tagfilter, tasklist, footnotes) and {@code --unsafe}, since GitHub renders raw
 * HTML and then sanitises it (the normalisation does that part). Not {@code --github-pre-lang}: that is only the
 * spelling of a code block's language, which GitHub's post-processing replaces by its highlighter's markup anyway.
 */
final class CmarkGfm {
    static final List<String> EXTENSIONS = List.of("table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes");
    private final Path command;

    private CmarkGfm(Path command) {
        this.command = command;
    }

    /** The installed command, if any. */
    static Optional<CmarkGfm> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "cmark-gfm");
            if (Files.isExecutable(p)) {
                return Optional.of(new CmarkGfm(p));
            }
        }
        return Optional.empty();
    }

    String render(String markdown) {
        List<String> cmd = new java.util.ArrayList<>(List.of(command.toString(), "--unsafe"));
        for (String e : EXTENSIONS) {
            cmd.add("-e");
            cmd.add(e);
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(markdown.getBytes(StandardCharsets.UTF_8));
            }
            String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cmark-gfm exited with " + p.exitValue() + ": " + html);
            }
            return html;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
