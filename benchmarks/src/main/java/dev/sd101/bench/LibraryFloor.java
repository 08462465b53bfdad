package dev.sd101.bench;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * What the libraries sd101 must use cost on their own in a cold JVM: a floor under the cold command-line build.
 * {@link ColdStart} runs it as a process of its own with the launcher's JVM options and an AppCDS archive of its own,
 * alternated with the CLI, in one of two modes, each doing one part of a build and nothing else:
 * <ul>
 *   <li>{@code nori}: Nori, as the search index configures it (mixed decompounding, part-of-speech stop filter,
 *   reading forms, lower case), reads the document's Markdown once: its dictionary load and one analysis.</li>
 *   <li>{@code markup}: flexmark parses and renders the document with the extensions sd101 uses, and Pebble puts the
 *   HTML between each {@code h2}/{@code h3} into a page with a navigation list of all pages; each page is written to
 *   {@code <out>/page-N/index.html}. No sanitising, link check, site model or search.</li>
 *   <li>{@code both}: the two at once, Nori on a second thread, as a build overlaps them on two cores.</li>
 * </ul>
 * None is sd101's build: {@code both} is what a first build of Korean content cannot do without.
 *
 * <pre>{@code java <options> -cp <class path> dev.sd101.bench.LibraryFloor nori|markup|both <file.md> <out>}</pre>
 */
public final class LibraryFloor {
    private LibraryFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("nori", "markup", "both").contains(args[0])) {
            System.err.println("usage: LibraryFloor nori|markup|both <file.md> <out>");
            System.exit(2);
        }
        String markdown = Files.readString(Path.of(args[1]));
        Path out = Path.of(args[2]);
        switch (args[0]) {
            case "nori" -> System.out.println(nori(markdown) + " tokens");
            case "markup" -> System.out.println(markup(markdown, out) + " pages");
            default -> {
                FutureTask<Integer> tokens = new FutureTask<>(() -> nori(markdown));
                new Thread(tokens, "nori").start();
                int pages = markup(markdown, out);
                try {
                    System.out.println(pages + " pages, " + tokens.get() + " tokens");
                } catch (InterruptedException | ExecutionException e) {
                    throw new IOException(e);
                }
            }
        }
    }

    /**
     * This class alone in a jar under {@code dir}, for a class path of jars only (a dynamic AppCDS archive refuses a
     * class path with a non-empty folder); the libraries come from the CLI's own jar beside it.
     */
    static Path packaged(Path dir) throws IOException {
        String name = LibraryFloor.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("library-floor.jar");
        try (InputStream in = LibraryFloor.class.getClassLoader().getResourceAsStream(name);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IOException(name + " not found on the class path");
            }
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    static int nori(String text) throws IOException {
        KoreanTokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
                KoreanTokenizer.DecompoundMode.MIXED, false, true);
        tokenizer.setReader(new StringReader(text));
        int tokens = 0;
        try (TokenStream ts = new LowerCaseFilter(new KoreanReadingFormFilter(new KoreanPartOfSpeechStopFilter(tokenizer)))) {
            ts.reset();
            while (ts.incrementToken()) {
                tokens++;
            }
            ts.end();
        }
        return tokens;
    }

    static int markup(String markdown, Path out) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        String html = HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
        List<Integer> cuts = new ArrayList<>(List.of(0));
        for (int i = html.indexOf("<h"); i >= 0; i = html.indexOf("<h", i + 1)) {
            if (i + 2 < html.length() && (html.charAt(i + 2) == '2' || html.charAt(i + 2) == '3')) {
                cuts.add(i);
            }
        }
        cuts.add(html.length());
        List<String> nav = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            nav.add("page-" + i);
        }
        PebbleTemplate page = new PebbleEngine.Builder().loader(new StringLoader()).build().getTemplate(
                "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head><body>"
                        + "<nav><ul>{% for p in nav %}<li><a href=\"../{{ p }}/\">{{ p }}</a></li>{% endfor %}</ul></nav>"
                        + "<main>{{ body | raw }}</main></body></html>");
        for (int i = 0; i + 1 < cuts.size(); i++) {
            Map<String, Object> model = new HashMap<>();
            model.put("title", nav.get(i));
            model.put("nav", nav);
            model.put("body", html.substring(cuts.get(i), cuts.get(i + 1)));
            StringWriter w = new StringWriter();
            try {
                page.evaluate(w, model);
                Path dir = Files.createDirectories(out.resolve(nav.get(i)));
                Files.write(dir.resolve("index.html"), w.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nav.size();
    }
}
