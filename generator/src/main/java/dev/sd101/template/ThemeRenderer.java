package dev.sd101.template;

import dev.sd101.BuildException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage 5b: the Pebble adapter. One engine per build, strict variables and autoescaping on; a user's
 * theme folder overrides single templates of the default theme (on the classpath under
 * {@value #DEFAULT_THEME}). Thread-safe once built: pages render in parallel.
 */
public final class ThemeRenderer {
    /** Where the default theme lives on the classpath. */
    public static final String DEFAULT_THEME = "sd101/theme/default";

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile("Could not find template \"([^\"]*)\"");

    private final PebbleEngine engine;
    private final Path themeDirectory;

    /** @param themeDirectory a folder of templates overriding the default theme's, or {@code null} */
    public ThemeRenderer(Path themeDirectory) {
        this.themeDirectory = themeDirectory;
        List<Loader<?>> loaders = new ArrayList<>();
        if (themeDirectory != null) {
            ThemeFolder.checkContained(themeDirectory);
            FileLoader files = new FileLoader(themeDirectory.toAbsolutePath().toString());
            loaders.add(files);
        }
        ClasspathLoader classpath = new ClasspathLoader(ThemeRenderer.class.getClassLoader());
        classpath.setPrefix(DEFAULT_THEME);
        loaders.add(classpath);
        engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .strictVariables(true)
                .autoEscaping(true)
                // Same output as Pebble's own html strategy, without unbescape's entity tables (see HtmlEscaper).
                .addEscapingStrategy("html", new HtmlEscaper())
                .newLineTrimming(false)
                .cacheActive(true)
                .build();
    }

    /** The first line of a template that names {@code templateName} (Pebble reports no line for a missing one). */
    private static Integer lineNaming(Path template, String templateName) {
        String last = templateName.substring(templateName.lastIndexOf('/') + 1);
        try {
            List<String> lines = Files.readAllLines(template);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(last)) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // the message still names the file and the template
        }
        return null;
    }

    /** Renders {@code template} (e.g. {@code page.peb}) with the model; a template error names file and line. */
    public String render(String template, Map<String, Object> model) {
        try {
            PebbleTemplate t = engine.getTemplate(template);
            StringWriter out = new StringWriter(16 * 1024);
            t.evaluate(out, model);
            return out.toString();
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : template;
            Path themeFile = themeDirectory == null ? null : themeDirectory.resolve(file);
            boolean inTheme = themeFile != null && Files.isRegularFile(themeFile);
            String where = inTheme ? themeFile.toString() : "theme template " + file;
            Integer line = e.getLineNumber();
            String message = e.getPebbleMessage();
            java.util.regex.Matcher missing = MISSING.matcher(message == null ? "" : message);
            if (missing.find()) {
                String name = missing.group(1);
                if ((line == null || line <= 0) && inTheme) {
                    line = lineNaming(themeFile, name);
                }
                message = "uses the template \"" + name + "\", which is in neither " + (themeDirectory != null
                        ? "the theme folder " + themeDirectory + " nor " : "") + "the default theme";
            }
            throw new BuildException(where + (line != null && line > 0 ? ":" + line : "") + ": " + message, e);
        } catch (IOException e) {
            throw new BuildException("theme template " + template + ": " + e.getMessage(), e);
        }
    }
}
