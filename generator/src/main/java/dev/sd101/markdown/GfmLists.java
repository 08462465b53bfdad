package dev.sd101.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Lists parsed by {@link GfmListBlockParser} instead of flexmark's own parser, which takes a marker indented four
 * columns past the list's container for an item where GitHub reads a continuation line or indented code.
 */
final class GfmLists implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.LIST_BLOCK_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new GfmListBlockParser.Factory());
    }
}
