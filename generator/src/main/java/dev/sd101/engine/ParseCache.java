package dev.sd101.engine;

import dev.sd101.content.Source;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parse results of the previous build, reused when a source's text is unchanged: an engine kept alive by
 * {@code serve} then re-parses only the files that were edited. A {@link Document} is immutable, so
 * handing the same one to the next build is safe. Only the latest build's documents are kept.
 */
final class ParseCache {
    private final MarkdownParser parser;
    private volatile Map<Path, Document> last = Map.of();
    private final Map<Path, List<Source>> loads = new ConcurrentHashMap<>();

    ParseCache(MarkdownParser parser) {
        this.parser = parser;
    }

    Document parse(Source source, Map<Path, Document> next) {
        Document old = last.get(source.file());
        Document doc = old != null && (old.source() == source || old.source().text().equals(source.text())
                && old.source().path().equals(source.path()) && old.source().displayPath().equals(source.displayPath()))
                ? old : parser.parse(source);
        next.put(source.file(), doc);
        return doc;
    }

    /** A map to collect this build's documents in; pass it to {@link #keep} once the build parsed everything. */
    Map<Path, Document> begin() {
        return new ConcurrentHashMap<>(Math.max(16, last.size() + last.size() / 8));
    }

    /** Keeps {@code next} itself (not changed after) as what the next build reuses. */
    void keep(Map<Path, Document> next) {
        last = java.util.Collections.unmodifiableMap(next);
    }

    /** The sources the latest in-memory build loaded for {@code source}, in path order; empty before one. */
    List<Source> loaded(Path source) {
        List<Source> l = loads.get(source.toAbsolutePath().normalize());
        return l == null ? List.of() : l;
    }

    /** Keeps what an in-memory build loaded for {@code source}, for the next build's {@link #loaded(Path)}. */
    void loaded(Path source, List<Source> sources) {
        loads.put(source.toAbsolutePath().normalize(), List.copyOf(sources));
    }

    /**
     * The latest build's source of a file, for the loader to hand back unchanged ones (and their front matter); looked
     * up in the documents themselves, not gathered into a map of every file on each edit.
     */
    Function<Path, Source> sources() {
        Map<Path, Document> docs = last;
        return file -> {
            Document d = docs.get(file);
            return d == null ? null : d.source();
        };
    }
}
