package dev.sd101.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.sd101.anchor.UniqueIds;
import dev.sd101.content.Source;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: Markdown to {@link Document}, and a document's blocks to HTML. The only place flexmark is
 * configured. Parser and renderer are built once, from one frozen option set, and are thread-safe.
 *
 * <p>Options, each as GitHub renders a README: CommonMark with GFM tables, strikethrough, task lists and
 * autolinks; GitHub's alerts, emoji shortcodes and footnotes in GitHub's markup ({@link GitHubExtras}); GitHub's math
 * ({@link MathExtension}); raw HTML passed through (the {@code link}/{@code template} stages sanitise it); heading ids
 * are GitHub's (flexmark's own generator differs on {@code _}, marks and non-ASCII case), set through
 * an attribute provider from ids computed once per document.
 */
public final class MarkdownParser {
    private static final NullableDataKey<Map<Node, String>> HEADING_IDS = new NullableDataKey<>("SD101_HEADING_IDS");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlScanner htmlScanner = new HtmlScanner();
    /** Separates top-level blocks in the rendered HTML; unguessable, so no content can forge it. */
    private final String marker = "<!--sd101-block-" + unguessable() + "-->";
    /** Marks the elements flexmark writes, as opposed to raw HTML; see {@link #ownMarkupAttribute()}. */
    private final String own = "data-sd101-own-" + unguessable();

    public MarkdownParser() {
        DataHolder options = options(own);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(o -> new BlockMarkingRenderer(marker))
                .nodeRendererFactory(o -> new GitHubInlineRenderer())
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
                        return (node, part, attributes) -> {
                            headingId(node, part, attributes);
                            taskList(node, part, attributes);
                            if (node instanceof com.vladsch.flexmark.ast.FencedCodeBlock || node instanceof MathExtension.Math) {
                                // Its class (a language, math) is the renderer's: kept, where a raw <code class> is not.
                                attributes.replaceValue(own, "");
                            }
                        };
                    }
                })
                .build();
    }

    /**
     * 128 random bits in hex, from the kernel's random source where there is one: {@code UUID.randomUUID()}'s
     * {@code SecureRandom} first sets up the JDK's security providers, about a tenth of a cold command-line run spent
     * before the build can start. Elsewhere (no {@code /dev/urandom}), a random UUID as before.
     */
    private static String unguessable() {
        byte[] bits = new byte[16];
        try (java.io.InputStream in = new java.io.FileInputStream("/dev/urandom")) {
            if (in.readNBytes(bits, 0, bits.length) == bits.length) {
                return java.util.HexFormat.of().formatHex(bits);
            }
        } catch (java.io.IOException | SecurityException e) {
            // no kernel random source: the JDK's below
        }
        return java.util.UUID.randomUUID().toString();
    }

    private static DataHolder options(String own) {
        MutableDataSet o = new MutableDataSet();
        // GitHubExtras last: its renderers (task items and emoji as GitHub writes them) win over the extensions' own.
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), new GitHubStrikethrough(),
                TaskListExtension.create(), AutolinkExtension.create(), new CommonMarkInlines(), EmojiExtension.create(),
                MathExtension.create(), new SetextDefinitions(), new GfmLists(), GitHubExtras.create()));
        CommonMarkInlines.configure(o);
        o.set(GitHubExtras.OWN_ATTRIBUTE, own);
        // Emoji shortcodes from GitHub's list, written as the Unicode characters; codes without one (GitHub's
        // own pictures such as :octocat:) stay text, as no image is fetched.
        o.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.GITHUB);
        o.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
        // GFM tables: a header row and a delimiter row of the same width; no column spans.
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // GFM: a delimiter cell needs one dash, and a table has no caption.
        o.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        o.set(TablesExtension.WITH_CAPTION, false);
        // Ids come from our slugger through headingId(), never from flexmark's generator.
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.RENDER_HEADER_ID, false);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Link and image URLs percent-encoded as GitHub's renderer does (a backslash, a space, non-ASCII).
        o.set(HtmlRenderer.PERCENT_ENCODE_URLS, true);
        return o.toImmutable();
    }

    /**
     * The attribute that marks the elements flexmark wrote (alerts, footnotes, task lists), never raw HTML: the
     * sanitiser keeps GitHub's classes and attributes on those elements only. Its name is random per parser.
     */
    public String ownMarkupAttribute() {
        return own;
    }

    /** GitHub's class on a list that holds task items. */
    private void taskList(Node node, AttributablePart part, MutableAttributes attributes) {
        if ((node instanceof BulletList || node instanceof OrderedList) && part == AttributablePart.NODE) {
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof TaskListItem) {
                    attributes.addValue("class", "contains-task-list");
                    attributes.replaceValue(own, "");
                    return;
                }
            }
        }
    }

    private static void headingId(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof com.vladsch.flexmark.ast.Heading && part == AttributablePart.NODE) {
            Map<Node, String> ids = HEADING_IDS.get(node.getDocument());
            String id = ids == null ? null : ids.get(node);
            if (id != null) {
                attributes.replaceValue("id", id);
            }
        }
    }

    /** Parses a source. Thread-safe. */
    public Document parse(Source source) {
        ParserLimits.checkLines(source);
        // The front matter is blanked, not cut, so every line and offset stays the file's.
        com.vladsch.flexmark.util.ast.Document root;
        try {
            root = parser.parse(source.markdown());
        } catch (StackOverflowError e) {
            throw ParserLimits.overflow(source, "parser", e);
        }
        ParserLimits.checkTree(root, source);
        GfmAutolinks.adjust(root);
        Alerts.apply(root);
        Footnotes.matchLabels(root);
        List<Node> blocks = new ArrayList<>();
        List<Integer> blockLines = new ArrayList<>();
        Map<Node, Integer> blockIndex = new IdentityHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            blockIndex.put(n, blocks.size());
            blocks.add(n);
            blockLines.add(source.line(n.getStartOffset()));
        }

        List<Heading> headings = new ArrayList<>();
        Map<Node, String> ids = new IdentityHashMap<>();
        List<Link> links = new ArrayList<>();
        Map<String, Integer> anchors = new java.util.LinkedHashMap<>();
        UniqueIds unique = new UniqueIds();
        Footnotes footnotes = new Footnotes();
        walk(root, source, root, unique, headings, ids, blockIndex, links, anchors, footnotes);
        root.set(HEADING_IDS, ids);
        root.set(GitHubExtras.FOOTNOTES, footnotes);

        return new Document(source, headings, links, anchors, toc(root, source), blockLines,
                new ParsedTree(root, blocks, footnotes.blocksByNote()));
    }

    /**
     * Renders a document's blocks now and lets its flexmark tree go; {@link #render(Document, int, int)} then reads
     * the kept HTML. Same HTML as rendering later: it depends on the tree and its heading ids only.
     */
    public void renderBlocks(Document document) {
        if (document.tree().rootOrNull() == null) {
            return; // already lean (a document an earlier build reused): its HTML comes back on first use, if needed
        }
        document.tree().keepOnlyHtml(() -> splitBlocks(renderWhole(document), document.blockCount() + document.tree().noteCount()));
    }

    /** HTML of the top-level blocks {@code [from, to)} of a document, headings carrying their ids. */
    public String render(Document document, int from, int to) {
        // flexmark renders links only inside a whole document (a lone block renders them as text), so
        // the document is rendered once, with a marker before each block, and cut at the markers.
        int count = document.blockCount();
        String[] blocks = document.tree().blockHtml(() -> splitBlocks(renderWhole(document), count + document.tree().noteCount()));
        StringBuilder html = new StringBuilder();
        for (int i = from; i < to; i++) {
            html.append(blocks[i]);
        }
        // cmark-gfm's footnotes section, with the notes that these blocks reference (a split page keeps its own).
        List<Integer> notes = document.tree().notesIn(from, to);
        if (!notes.isEmpty()) {
            html.append("<section class=\"footnotes\" data-footnotes ").append(own).append(">\n<ol>\n");
            notes.forEach(n -> html.append(blocks[count + n]));
            html.append("</ol>\n</section>\n");
        }
        return html.toString();
    }

    private String renderWhole(Document document) {
        try {
            com.vladsch.flexmark.util.ast.Document root = document.tree().rootOrNull();
            // A released tree (its pages were written) is parsed again from the unchanged source.
            return renderer.render(root != null ? root : parse(document.source()).tree().rootOrNull());
        } catch (StackOverflowError e) {
            throw ParserLimits.overflow(document.source(), "renderer", e);
        }
    }

    private String[] splitBlocks(String html, int count) {
        String[] out = new String[count];
        int at = html.indexOf(marker);
        for (int i = 0; i < count; i++) {
            int start = at + marker.length();
            int next = html.indexOf(marker, start);
            int end = next < 0 ? html.length() : next;
            out[i] = html.substring(start, end).strip() + "\n";
            at = next;
        }
        return out;
    }

    /** HTML of a whole document. */
    public String render(Document document) {
        return render(document, 0, document.blockCount());
    }

    /** Visits every node in document order; iterative, as documents may nest deeply. */
    private void walk(Node node, Source source, com.vladsch.flexmark.util.ast.Document root, UniqueIds unique,
                      List<Heading> headings, Map<Node, String> ids, Map<Node, Integer> blockIndex,
                      List<Link> links, Map<String, Integer> anchors, Footnotes footnotes) {
        Node n = node.getFirstChild();
        while (n != null) {
            visit(n, source, root, unique, headings, ids, blockIndex, links, anchors);
            if (n instanceof Footnote ref && footnotes.reference(ref, topBlock(n, blockIndex))) {
                // Footnote ids are fragment targets like headings: the reference's own, and the note's at its first use.
                FootnoteBlock note = ref.getFootnoteBlock();
                int line = source.line(n.getStartOffset());
                anchors.putIfAbsent(Footnotes.refId(note, footnotes.referenceIndex(ref)), line);
                anchors.putIfAbsent(Footnotes.noteId(note), line);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != node && n.getNext() == null) {
                n = n.getParent();
            }
            n = n == null || n == node ? null : n.getNext();
        }
    }

    private void visit(Node n, Source source, com.vladsch.flexmark.util.ast.Document root, UniqueIds unique,
                       List<Heading> headings, Map<Node, String> ids, Map<Node, Integer> blockIndex,
                       List<Link> links, Map<String, Integer> anchors) {
        if (n instanceof com.vladsch.flexmark.ast.Heading h) {
            String text = headingText(h);
            String id = unique.next(slugText(h, root, text));
            ids.put(h, id);
            headings.add(new Heading(h.getLevel(), text, id, source.line(h.getStartOffset()), blockIndex.getOrDefault(h, -1)));
        } else if (n instanceof com.vladsch.flexmark.ast.Link l) {
            links.add(link(LinkKind.LINK, l.getUrl(), l, source));
        } else if (n instanceof Image i) {
            links.add(link(LinkKind.IMAGE, i.getUrl(), i, source));
        } else if (n instanceof LinkRef r && r.isDefined()) {
            Reference ref = r.getReferenceNode(root);
            if (ref != null) {
                links.add(reference(LinkKind.LINK, ref, r, source));
            }
        } else if (n instanceof ImageRef r && r.isDefined()) {
            Reference ref = r.getReferenceNode(root);
            if (ref != null) {
                links.add(reference(LinkKind.IMAGE, ref, r, source));
            }
        } else if (n instanceof HtmlBlock || n instanceof HtmlInline) {
            htmlScanner.scan(n.getChars().toString(), n.getStartOffset(), source, links, anchors);
        }
    }

    private static int topBlock(Node n, Map<Node, Integer> blockIndex) {
        Node top = n;
        while (top.getParent() != null && !(top.getParent() instanceof com.vladsch.flexmark.util.ast.Document)) {
            top = top.getParent();
        }
        return blockIndex.getOrDefault(top, -1);
    }

    private static Link link(LinkKind kind, BasedSequence url, Node node, Source source) {
        int at = node.getStartOffset();
        boolean known = url.isNotNull() && url.getStartOffset() >= 0 && (url.length() > 0 || url.getStartOffset() > 0);
        // The destination as GitHub reads it (and the page's href holds): backslash escapes and entities resolved.
        return new Link(kind, url.unescape(), source.line(at), source.column(at),
                known ? url.getStartOffset() : -1, known ? url.getEndOffset() : -1);
    }

    private static Link reference(LinkKind kind, Reference ref, Node use, Source source) {
        BasedSequence url = ref.getUrl();
        int at = use.getStartOffset();
        return new Link(kind, url.unescape(), source.line(at), source.column(at), url.getStartOffset(), url.getEndOffset());
    }

    /** The text GitHub slugs: the heading's text with emoji shortcodes as written (it slugs before replacing them). */
    private String slugText(com.vladsch.flexmark.ast.Heading h, com.vladsch.flexmark.util.ast.Document root, String text) {
        if (!hasEmoji(h)) {
            return text;
        }
        root.set(GitHubExtras.EMOJI_AS_SHORTCODES, true);
        try {
            return headingText(h);
        } finally {
            root.set(GitHubExtras.EMOJI_AS_SHORTCODES, false);
        }
    }

    private static boolean hasEmoji(Node n) {
        for (Node d : n.getDescendants()) {
            if (d instanceof com.vladsch.flexmark.ext.emoji.Emoji) {
                return true;
            }
        }
        return false;
    }

    /** The heading's text as GitHub takes it: the text content of the rendered heading. */
    private String headingText(com.vladsch.flexmark.ast.Heading h) {
        Node only = h.getFirstChild();
        if (only == null) {
            return "";
        }
        if (only instanceof Text && only.getNext() == null) {
            String raw = only.getChars().toString();
            if (raw.indexOf('\\') < 0 && raw.indexOf('&') < 0) {
                return raw;
            }
        }
        // The whole heading at once: rendered child by child, inline HTML came out with line breaks of its
        // own, and the text of a <script> inside a heading (which GitHub drops) was kept.
        StringBuilder html = new StringBuilder();
        renderer.render(h, html);
        return HtmlScanner.headingText(html.toString());
    }

    /**
     * The document's own table of contents: the first top-level list whose items link only to
     * {@code #fragments}, at least three of them.
     */
    private static List<TocEntry> toc(com.vladsch.flexmark.util.ast.Document root, Source source) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof BulletList || n instanceof OrderedList) {
                List<TocEntry> entries = new ArrayList<>();
                if (collectToc(n, 0, source, entries) && entries.size() >= 3) {
                    return entries;
                }
            }
        }
        return List.of();
    }

    private static boolean collectToc(Node list, int depth, Source source, List<TocEntry> out) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof BulletList || c instanceof OrderedList) {
                    if (!collectToc(c, depth + 1, source, out)) {
                        return false;
                    }
                } else {
                    for (com.vladsch.flexmark.ast.Link l : descendantsOf(c)) {
                        String url = l.getUrl().toString();
                        if (!url.startsWith("#")) {
                            return false;
                        }
                        out.add(new TocEntry(url.substring(1), depth, source.line(l.getStartOffset())));
                    }
                }
            }
        }
        return true;
    }

    private static List<com.vladsch.flexmark.ast.Link> descendantsOf(Node n) {
        List<com.vladsch.flexmark.ast.Link> out = new ArrayList<>();
        for (Node d : n.getDescendants()) {
            if (d instanceof com.vladsch.flexmark.ast.Link l) {
                out.add(l);
            }
        }
        return out;
    }
}
