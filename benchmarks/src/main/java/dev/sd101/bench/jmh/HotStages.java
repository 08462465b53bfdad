package dev.sd101.bench.jmh;

import dev.sd101.SiteConfig;
import dev.sd101.anchor.GitHubSlugger;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.Source;
import dev.sd101.content.SourceLoader;
import dev.sd101.link.LinkResolver;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.render.BodyRenderer;
import dev.sd101.render.RenderedBody;
import dev.sd101.search.SearchIndex;
import dev.sd101.search.SearchIndexer;
import dev.sd101.search.SearchPage;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.site.SitePlanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Warm throughput of the hot stages on {@code content/README-ko.md}: GitHub slugs of every heading, flexmark parse,
 * body render (flexmark HTML, sanitising, link rewriting) of every page, and the search index (Jsoup sectioning, Nori
 * + bigram analysis, postings). Cold costs (class loading, Nori's dictionary) are the whole-build benchmark's job.
 *
 * <pre>{@code java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main HotStages -jvmArgs -Dsd101.repo=$PWD}</pre>
 * (the classpath file from {@code mvn -Pbench -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotStages {
    private final MarkdownParser parser = new MarkdownParser();
    private final SearchIndexer indexer = new SearchIndexer();
    private Source source;
    private List<String> headingTexts;
    private SiteModel site;
    private BodyRenderer renderer;
    private List<SearchPage> searchPages;

    @Setup
    public void setup() {
        Path repo = Path.of(System.getProperty("sd101.repo", ".")).toAbsolutePath().normalize();
        Path file = repo.resolve("content/README-ko.md");
        ContentRoot root = new ContentRoot(repo);
        source = new SourceLoader(root).read(file);
        Document doc = parser.parse(source);
        headingTexts = doc.headings().stream().map(Heading::text).toList();
        SiteConfig config = SiteConfig.builder(file).contentRoot(repo).language("ko").build();
        site = new SitePlanner(config).plan(List.of(doc));
        renderer = new BodyRenderer(parser, site, new LinkResolver(root, site.documents(), null), true, true);
        searchPages = new ArrayList<>();
        for (Page p : site.pages()) {
            searchPages.add(new SearchPage(p.path(), p.title(), List.of(), renderer.render(p).html()));
        }
    }

    @Benchmark
    public void slug(Blackhole bh) {
        for (String h : headingTexts) {
            bh.consume(GitHubSlugger.slug(h));
        }
    }

    @Benchmark
    public Document parse() {
        return parser.parse(source);
    }

    @Benchmark
    public void renderBodies(Blackhole bh) {
        for (Page p : site.pages()) {
            RenderedBody b = renderer.render(p);
            bh.consume(b);
        }
    }

    @Benchmark
    public SearchIndex searchIndex() {
        return indexer.build(searchPages);
    }
}
