package dev.sd101.markdown;

import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.internal.StrikethroughNodeRenderer;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

/**
 * GitHub's strikethrough, in place of flexmark's (which knows only {@code ~~}): one or two tildes, the closing run as
 * long as the opening one; a run of three or more is text ({@code ~one~ ~~two~~ ~~~three~~~}). Rendered as
 * {@code <del>} by flexmark's own strikethrough renderer.
 */
final class GitHubStrikethrough implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customDelimiterProcessor(new Tildes());
    }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.nodeRendererFactory(new StrikethroughNodeRenderer.Factory());
    }

    private static final class Tildes implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '~';
        }

        @Override
        public char getClosingCharacter() {
            return '~';
        }

        @Override
        public int getMinLength() {
            return 1;
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhiteSpace) {
            return leftFlanking;
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhiteSpace) {
            return rightFlanking;
        }

        @Override
        public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
            return null;
        }

        @Override
        public boolean skipNonOpenerCloser() {
            return false;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return opener.length() == closer.length() && opener.length() <= 2 ? opener.length() : 0;
        }

        @Override
        public void process(Delimiter opener, Delimiter closer, int used) {
            Strikethrough node = new Strikethrough(opener.getTailChars(used), BasedSequence.NULL, closer.getLeadChars(used));
            opener.moveNodesBetweenDelimitersTo(node, closer);
        }
    }
}
