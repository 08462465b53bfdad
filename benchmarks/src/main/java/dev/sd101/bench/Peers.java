package dev.sd101.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fastest peers, Hugo + Pagefind, on the same corpora: installs them (Hugo from Debian, Pagefind from the npm
 * registry into the work folder), converts a corpus into a Hugo site with our default theme's page furniture (same
 * pages, pruned sidebar, breadcrumbs, table of contents, previous/next; raw HTML kept as GitHub keeps it), builds it
 * and indexes it. Only used with {@code --peers}.
 */
final class Peers {
    private final Path work;

    Peers(Path work) {
        this.work = work.resolve("peers");
    }

    /** Hugo on PATH (installing it with apt-get when missing) and Pagefind under the work folder. */
    void install() throws IOException {
        if (!Proc.onPath("hugo")) {
            System.out.println("installing hugo (apt-get install -y hugo)");
            Proc.checked(List.of("apt-get", "install", "-y", "hugo"), Path.of("."));
        }
        if (!Files.isExecutable(pagefind())) {
            Files.createDirectories(work);
            System.out.println("installing pagefind (npm install pagefind)");
            Proc.checked(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", work.toString(), "pagefind"), work);
        }
    }

    String versions() throws IOException {
        String hugo = Proc.checked(List.of("hugo", "version"), work).output().strip();
        String pf = Proc.checked(List.of(pagefind().toString(), "--version"), work).output().strip();
        return hugo.split(" ")[0] + " " + hugo.split(" ")[1] + ", " + pf;
    }

    private Path pagefind() {
        return work.resolve("node_modules/.bin/pagefind");
    }

    /** What one Hugo + Pagefind build cost: wall of both, and the larger peak RSS of the two. */
    record Result(long hugoNanos, long pagefindNanos, long peakRss, long outputBytes, long indexBytes,
                  SiteMeasure.Pages pages) {
        long wallNanos() {
            return hugoNanos + pagefindNanos;
        }
    }

    /** Converts {@code source} (a Markdown file split at its articles, or a folder) into a Hugo site. */
    Path convert(String name, Path source) throws IOException {
        Path site = work.resolve("hugo-" + name);
        CorpusGenerator.deleteTree(site);
        Path content = site.resolve("content");
        long sections = 0;
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(source)) {
                files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".md")).sorted().toList();
            }
            try (Stream<Path> top = Files.list(source)) {
                sections = top.filter(Files::isDirectory).count();
            }
            for (Path f : files) {
                String rel = source.relativize(f).toString();
                String stem = f.getFileName().toString().toLowerCase(Locale.ROOT);
                Path target = stem.equals("readme.md") || stem.equals("index.md")
                        ? content.resolve(rel).resolveSibling("_index.md") : content.resolve(rel);
                page(target, Files.readString(f));
            }
        } else {
            // One page per article, as sd101 splits the file; the home page is what precedes the first category.
            String md = Files.readString(source);
            int first = md.indexOf("\n## ");
            page(content.resolve("_index.md"), first < 0 ? md : md.substring(0, first));
            List<CorpusGenerator.Article> articles = CorpusGenerator.split(md, "## ");
            for (int i = 0; i < articles.size(); i++) {
                CorpusGenerator.Article a = articles.get(i);
                page(content.resolve(String.format(Locale.ROOT, "a%03d.md", i)), "# " + a.title() + "\n\n" + a.body());
            }
        }
        write(site.resolve("hugo.toml"), """
                baseURL = "/"
                languageCode = "ko"
                title = "bench"
                disableKinds = ["taxonomy", "term", "RSS"]
                [markup.goldmark.renderer]
                unsafe = true
                """);
        // The same page furniture as our default theme, so both sides write comparable sites: a pruned sidebar
        // (every section, the current section's pages), breadcrumbs, the page's table of contents, previous/next.
        write(site.resolve("layouts/_default/baseof.html"), """
                <!doctype html><html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
                <body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
                {{ $cur := . }}SIDEBAR
                <main><nav class="breadcrumbs">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> / {{ end }}</nav>
                <article data-pagefind-body>{{ block "main" . }}{{ end }}</article>
                <nav class="pager">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></main>
                <aside class="toc">{{ .TableOfContents }}</aside><footer>{{ .Site.Title }}</footer></body></html>
                """.replace("SIDEBAR", sections > 100 ? BOUNDED_SIDEBAR : FULL_SIDEBAR));
        write(site.resolve("layouts/_default/single.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n");
        write(site.resolve("layouts/_default/list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}"
                + "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
        return site;
    }

    /**
     * Every top-level section, and the current section's pages: about what our sidebar carries on the wide and deep
     * shapes (a few, or about a hundred, top-level sections).
     */
    private static final String FULL_SIDEBAR = """
            <nav class="sidebar"><ul>{{ range .Site.Home.Pages }}{{ $here := or (eq $cur .) ($cur.IsDescendant .) }}
            <li{{ if $here }} class="active"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if $here }}
            <ul>{{ range .Pages }}<li{{ if eq $cur . }} class="current"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
            {{ end }}</ul>{{ end }}</li>{{ end }}</ul></nav>""";

    /**
     * Past a hundred top-level sections (the small shape), a bounded sidebar, as ours is there: the way down and at
     * most 15 of the current section's pages (no window of siblings: Hugo's pages carry a little less than ours).
     * Every section on every page
     * would make Hugo's output, time and memory grow with pages × sections (15 minutes and 3 GB on the small shape
     * at 10,000 pages on this machine, where the issue measured 11–13 s).
     */
    private static final String BOUNDED_SIDEBAR = """
            <nav class="sidebar"><ul>{{ range .Ancestors.Reverse }}{{ if not .IsHome }}<li class="active"><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
            {{ end }}{{ end }}{{ with .CurrentSection }}<li><ul>{{ range first 15 .Pages }}<li{{ if eq $cur . }} class="current"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
            {{ end }}</ul></li>{{ end }}</ul></nav>""";

    /** The built site of a corpus {@link #convert}ed as {@code name}, Pagefind's index in its {@code pagefind/}. */
    Path publicDir(String name) {
        return work.resolve("hugo-" + name).resolve("public");
    }

    /** Builds with Hugo, then indexes with Pagefind; both timed from outside, as our CLI is. */
    Result build(Path site) throws IOException {
        CorpusGenerator.deleteTree(site.resolve("public"));
        Proc.Run hugo = Proc.checked(List.of("hugo", "--quiet", "-s", site.toString(), "-d", "public"), site);
        Proc.Run pf = Proc.checked(List.of(pagefind().toString(), "--site", "public"), site);
        long[] out = SiteMeasure.walk(site.resolve("public"), false);
        long[] index = SiteMeasure.walk(site.resolve("public/pagefind"), false);
        return new Result(hugo.wallNanos(), pf.wallNanos(), Math.max(hugo.peakRss(), pf.peakRss()), out[0], index[0],
                SiteMeasure.pages(site.resolve("public")));
    }

    private static void page(Path target, String markdown) throws IOException {
        if (markdown.startsWith("---\n")) {
            write(target, markdown); // Hugo front matter already (the small-sections corpus)
            return;
        }
        String title = "untitled";
        List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# ")) {
                title = lines.get(i).substring(2).strip();
                lines.remove(i);
                break;
            }
        }
        write(target, "---\ntitle: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n---\n"
                + String.join("\n", lines));
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
