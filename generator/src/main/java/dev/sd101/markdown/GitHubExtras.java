package dev.sd101.markdown;

import com.vladsch.flexmark.ext.footnotes.internal.FootnoteBlockParser;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteLinkRefProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.jetbrains.annotations.NotNull;

/**
 * GitHub's extras as flexmark sees them: footnotes parsed by flexmark's footnote extension but rendered as
 * cmark-gfm renders them, task list items, emoji and alerts in GitHub's markup. Listed after flexmark's own
 * extensions, so that its renderer wins over theirs for task items and emoji.
 */
final class GitHubExtras implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    /**
     * The attribute that marks elements this renderer wrote, as opposed to raw HTML from the content: the
     * sanitiser lets their GitHub classes and attributes through. Its name is unguessable, so no content forges it.
     */
    static final DataKey<String> OWN_ATTRIBUTE = new DataKey<>("SD101_OWN_ATTRIBUTE", "data-sd101-own");
    /** The document's footnote numbering, set once the document is parsed. */
    static final NullableDataKey<Footnotes> FOOTNOTES = new NullableDataKey<>("SD101_FOOTNOTES");
    /**
     * Set on a document while its heading ids are computed: emoji render as their shortcode, since GitHub slugs
     * a heading's text before it turns shortcodes into emoji ({@code :smile: - a gemoji} → {@code smile---a-gemoji}).
     */
    static final DataKey<Boolean> EMOJI_AS_SHORTCODES = new DataKey<>("SD101_EMOJI_AS_SHORTCODES", false);

    private GitHubExtras() {
    }

    static GitHubExtras create() {
        return new GitHubExtras();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        // Only flexmark's footnote parsing: its renderer (a <div> with an <hr>, ids by number) is not GitHub's.
        builder.customBlockParserFactory(new FootnoteBlockParser.Factory());
        builder.linkRefProcessorFactory(new FootnoteLinkRefProcessor.Factory());
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {
    }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.nodeRendererFactory(ExtrasRenderer::new);
    }
}
