package dev.sd101.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * For every id of every source document, the page that now holds it: what keeps old
 * {@code README.md#id} links landing after a document is split into pages.
 */
public final class AnchorIndex {
    private final Map<String, Map<String, String>> byDocument;

    AnchorIndex(Map<String, Map<String, String>> byDocument) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byDocument.forEach((doc, ids) -> copy.put(doc, Collections.unmodifiableMap(new LinkedHashMap<>(ids))));
        this.byDocument = Collections.unmodifiableMap(copy);
    }

    private AnchorIndex(Map<String, Map<String, String>> byDocument, boolean copied) {
        this.byDocument = byDocument;
    }

    /** This index with one document's ids (in document order, each with its page path) replaced. */
    AnchorIndex with(String documentPath, Map<String, String> ids) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byDocument);
        copy.put(documentPath, Collections.unmodifiableMap(new LinkedHashMap<>(ids)));
        return new AnchorIndex(Collections.unmodifiableMap(copy), true);
    }

    /** The path of the page holding {@code id} of the document at {@code documentPath}, matched exactly. */
    public Optional<String> pageOf(String documentPath, String id) {
        return Optional.ofNullable(byDocument.getOrDefault(documentPath, Map.of()).get(id));
    }

    /** The ids of a document, in document order, each with its page path. */
    public Map<String, String> ids(String documentPath) {
        return byDocument.getOrDefault(documentPath, Map.of());
    }

    /** The id that matches {@code fragment} once both are lower-cased, as github.com's script tries. */
    public Optional<String> caseInsensitive(String documentPath, String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        for (String id : ids(documentPath).keySet()) {
            if (id.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
