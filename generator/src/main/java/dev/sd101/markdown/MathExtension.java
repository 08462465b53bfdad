package dev.sd101.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

import java.util.Set;

/**
 * GitHub's math in running text: {@code $…$} and {@code $`…`$} inline, {@code $$…$$} displayed. Rendered as
 * {@code <code class="math math-inline">TeX</code>} or {@code <code class="math math-display">TeX</code>} (inline
 * even when displayed, as it sits inside a paragraph), the TeX as written, for the theme's typesetter: code, as
 * GitLab marks its math, so that without JavaScript the TeX reads as code and the sanitiser keeps the class it
 * keeps on every code element. A fenced {@code math} block stays the parser's {@code <pre><code class="language-math">}.
 *
 * <p>Delimiters as GitHub documents them (the pandoc rule): an opening {@code $} is followed by a non-space, a
 * closing one is preceded by a non-space and not followed by a digit, so {@code $20 and $30} stay text;
 * {@code \$} is a dollar sign, outside math and inside it. {@code $$} may have spaces and line breaks inside.
 * Markdown is not parsed inside math: {@code $a*b*c$} has no emphasis; math does not reach across raw HTML. flexmark's GitLab extension reads only
 * {@code $`…`$}, hence this one.
 */
final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new Factory());
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {
    }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    /** A math span: its TeX, and whether it is displayed. */
    static final class Math extends Node {
        private final BasedSequence tex;
        private final boolean display;

        Math(BasedSequence chars, BasedSequence tex, boolean display) {
            super(chars);
            this.tex = tex;
            this.display = display;
        }

        String tex() {
            return tex.toString();
        }

        boolean display() {
            return display;
        }

        @Override
        public @NotNull BasedSequence[] getSegments() {
            return new BasedSequence[]{tex};
        }
    }

    /**
     * A scan for the math span that opens at a {@code $}: found, it ends at {@code end}; not found, the scan stopped
     * at {@code end} (the end of the text or a tag), and no later opener of the same {@code kind} before that point
     * can close either, which keeps a paragraph of prices ({@code $5 $6 $7 …}) linear. Pure, for the parser.
     */
    record Span(int end, int texStart, int texEnd, boolean display, char kind) {
        boolean found() {
            return texStart >= 0;
        }

        static Span at(CharSequence s, int at) {
            int n = s.length();
            if (at + 1 < n && s.charAt(at + 1) == '`') {
                // $`…`$: the TeX is literal up to the first `$, as in a code span.
                for (int i = at + 2; i + 1 < n; i++) {
                    if (s.charAt(i) == '`' && s.charAt(i + 1) == '$') {
                        return i > at + 2 ? new Span(i + 2, at + 2, i, false, '`') : none(at + 2, '`');
                    }
                }
                return none(n, '`');
            }
            if (at + 1 < n && s.charAt(at + 1) == '$') {
                for (int i = at + 2; i + 1 < n; i++) {
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                    } else if (c == '<' && isTag(s, i)) {
                        return none(i, '$');
                    } else if (c == '$' && s.charAt(i + 1) == '$') {
                        return isBlank(s, at + 2, i) ? none(at + 2, '$') : new Span(i + 2, at + 2, i, true, '$');
                    }
                }
                return none(n, '$');
            }
            if (at + 1 >= n || isSpace(s.charAt(at + 1))) {
                return none(at + 1, ' ');
            }
            for (int i = at + 1; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '<' && isTag(s, i)) {
                    return none(i, ' ');
                } else if (c == '$' && !isSpace(s.charAt(i - 1)) && (i + 1 >= n || !isDigit(s.charAt(i + 1)))) {
                    return new Span(i + 1, at + 1, i, false, ' ');
                }
            }
            return none(n, ' ');
        }

        private static Span none(int stop, char kind) {
            return new Span(stop, -1, -1, false, kind);
        }

        /**
         * Whether an HTML tag starts at {@code i}: math does not reach across raw HTML, so GitHub's way of writing a
         * dollar sign beside math, {@code <span>$</span>100 is $100/2$}, leaves the first one text.
         */
        private static boolean isTag(CharSequence s, int i) {
            return TAG.matcher(s).region(i, s.length()).lookingAt();
        }

        private static final java.util.regex.Pattern TAG =
                java.util.regex.Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isBlank(CharSequence s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isSpace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Factory implements InlineParserExtensionFactory {
        @Override
        public @NotNull CharSequence getCharacters() {
            return "$";
        }

        @Override
        public @NotNull InlineParserExtension apply(@NotNull LightInlineParser inlineParser) {
            return new Inline();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    /** Parses the math of one block at a time; remembers its last failed scan of each kind (see {@link Span}). */
    private static final class Inline implements InlineParserExtension {
        private BasedSequence failedIn;
        private final java.util.Map<Character, Integer> failedUntil = new java.util.HashMap<>();

        @Override
        public void finalizeDocument(@NotNull InlineParser inlineParser) {
        }

        @Override
        public void finalizeBlock(@NotNull InlineParser inlineParser) {
            failedIn = null;
            failedUntil.clear();
        }

        @Override
        public boolean parse(@NotNull LightInlineParser p) {
            BasedSequence input = p.getInput();
            int at = p.getIndex();
            if (input != failedIn) {
                failedIn = input;
                failedUntil.clear();
            }
            char kind = at + 1 < input.length() && (input.charAt(at + 1) == '`' || input.charAt(at + 1) == '$')
                    ? input.charAt(at + 1) : ' ';
            if (at < failedUntil.getOrDefault(kind, -1)) {
                return false;
            }
            Span span = Span.at(input, at);
            if (!span.found()) {
                failedUntil.put(span.kind(), span.end());
                return false;
            }
            p.flushTextNode();
            p.getBlock().appendChild(new Math(input.subSequence(at, span.end()),
                    input.subSequence(span.texStart(), span.texEnd()), span.display()));
            p.setIndex(span.end());
            return true;
        }
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Math.class, Renderer::render));
        }

        private static void render(Math node, NodeRendererContext context, HtmlWriter html) {
            html.attr("class", node.display() ? "math math-display" : "math math-inline").withAttr().tag("code");
            html.text(node.tex().strip());
            html.tag("/code");
        }
    }
}
