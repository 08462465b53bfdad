package dev.sd101.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.UnderscoreDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two inline rules where flexmark 0.64.8 departs from CommonMark (and so from GitHub), found by the differential test
 * against cmark-gfm:
 * <ul>
 *   <li>a destination in angle brackets may hold spaces and any character but a line ending or an unescaped
 *       {@code <}/{@code >} ({@code [doc](<My Doc.md>)}), and a destination that starts with {@code <} but does not
 *       close is no destination at all;</li>
 *   <li>the "multiple of 3" rule of emphasis holds only unless both runs are multiples of 3, so
 *       {@code foo***bar***baz} is emphasis.</li>
 * </ul>
 */
final class CommonMarkInlines implements Parser.ParserExtension {
    private static final String PUNCTUATION = "[!-/:-@\\[-`{-~]";
    private static final Pattern ANGLE_DESTINATION = Pattern.compile(
            "^<(?:\\\\" + PUNCTUATION + "|\\\\(?!" + PUNCTUATION + ")|[^<>\\n\\r\\\\])*>");

    static void configure(MutableDataHolder options) {
        options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
        options.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        boolean strongWrapsEmphasis = Parser.STRONG_WRAPS_EMPHASIS.get(builder);
        builder.customDelimiterProcessor(new Asterisk(strongWrapsEmphasis));
        builder.customDelimiterProcessor(new Underscore(strongWrapsEmphasis));
        builder.customInlineParserFactory(new Factory());
        // flexmark adds its reference definition pre-processor only for its own inline parser.
        builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    private static final class Factory implements InlineParserFactory {
        @Override
        public com.vladsch.flexmark.parser.InlineParser inlineParser(DataHolder options, BitSet specialCharacters,
                BitSet delimiterCharacters, Map<Character, DelimiterProcessor> delimiterProcessors,
                LinkRefProcessorData linkRefProcessors, List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new Inlines(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                    inlineParserExtensions);
        }
    }

    private static final class Inlines extends InlineParserImpl {
        Inlines(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> inlineParserExtensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
        }

        @Override
        public BasedSequence parseLinkDestination() {
            if (index < input.length() && input.charAt(index) == '<') {
                return match(ANGLE_DESTINATION);
            }
            return super.parseLinkDestination();
        }
    }

    /**
     * CommonMark's delimiter use: none where the "multiple of 3" rule forbids the match (unless both runs are multiples
     * of 3), else what flexmark uses.
     */
    private static int use(DelimiterRun opener, DelimiterRun closer, int flexmarkUse, boolean strongWrapsEmphasis) {
        if ((opener.canClose() || closer.canOpen()) && (opener.length() + closer.length()) % 3 == 0
                && opener.length() % 3 == 0 && closer.length() % 3 == 0) {
            // Both runs multiples of 3 (so both at least 3 long): the rule does not apply.
            return closer.length() % 2 == 0 || !strongWrapsEmphasis ? 2 : 1;
        }
        return flexmarkUse;
    }

    private static final class Asterisk extends AsteriskDelimiterProcessor {
        private final boolean strongWrapsEmphasis;

        Asterisk(boolean strongWrapsEmphasis) {
            super(strongWrapsEmphasis);
            this.strongWrapsEmphasis = strongWrapsEmphasis;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer, super.getDelimiterUse(opener, closer), strongWrapsEmphasis);
        }
    }

    private static final class Underscore extends UnderscoreDelimiterProcessor {
        private final boolean strongWrapsEmphasis;

        Underscore(boolean strongWrapsEmphasis) {
            super(strongWrapsEmphasis);
            this.strongWrapsEmphasis = strongWrapsEmphasis;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer, super.getDelimiterUse(opener, closer), strongWrapsEmphasis);
        }
    }
}
