package dev.sd101.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockPreProcessor;
import com.vladsch.flexmark.parser.block.BlockPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Link reference definitions at the top of a setext heading's paragraph, as CommonMark reads them: the definitions
 * come out first, and only the lines left are the heading ({@code [foo]: /url}, {@code bar}, {@code ===} is a
 * heading "bar"); with no line left there is no heading, and the underline is paragraph text. flexmark's setext parser takes the paragraph whole, so this runs on its headings before inline parsing.
 */
final class SetextDefinitions implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.blockPreProcessorFactory(new Factory());
    }

    private static final class Factory implements BlockPreProcessorFactory {
        @Override
        public @NotNull Set<Class<? extends Block>> getBlockTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public @NotNull BlockPreProcessor apply(@NotNull ParserState state) {
            return SetextDefinitions::preProcess;
        }

        @Override
        public @Nullable Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public @Nullable Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return true;
        }
    }

    private static void preProcess(ParserState state, Block block) {
        Heading heading = (Heading) block;
        BasedSequence text = heading.getText();
        if (!heading.isSetextHeading() || text.isEmpty() || text.charAt(0) != '[') {
            return;
        }
        // The heading's text as a paragraph of its own, where flexmark's definition parser inserts what it finds.
        Paragraph scratch = new Paragraph(text);
        heading.insertBefore(scratch);
        List<Reference> before = references(heading);
        int consumed = new ReferencePreProcessorFactory().apply(state).preProcessBlock(scratch, state);
        scratch.unlink();
        if (consumed == 0) {
            return;
        }
        keepFirst(before, heading);
        int end = text.getStartOffset() + consumed;
        int from = 0;
        while (from < text.length() && text.getIndexOffset(from) < end) {
            from++;
        }
        BasedSequence rest = text.subSequence(from).trim();
        if (!rest.isEmpty()) {
            heading.setText(rest);
            heading.setCharsFromContent();
            return;
        }
        noHeading(heading);
    }

    /**
     * The definitions found here are read after the document's paragraphs: where one of those defined the same label
     * later in the text, this earlier definition is the one that counts, as everywhere else.
     */
    private static void keepFirst(List<Reference> before, Heading heading) {
        ReferenceRepository repository = Parser.REFERENCES.get(heading.getDocument());
        for (Reference found : references(heading)) {
            if (before.contains(found)) {
                continue;
            }
            String key = repository.normalizeKey(found.getReference());
            Reference kept = repository.get(key);
            if (kept != null && kept != found && kept.getStartOffset() > found.getStartOffset()) {
                repository.remove(key);
                repository.put(key, found);
            }
        }
    }

    /** The definitions just before {@code heading}, where flexmark inserts them. */
    private static List<Reference> references(Heading heading) {
        List<Reference> out = new ArrayList<>();
        for (Node n = heading.getPrevious(); n instanceof Reference r; n = n.getPrevious()) {
            out.add(r);
        }
        return out;
    }

    /**
     * Only definitions above the underline: as on GitHub, the underline is then the first line of a paragraph (never
     * a rule, even of dashes), which the paragraph on the next line continues.
     */
    private static void noHeading(Heading heading) {
        BasedSequence marker = heading.getClosingMarker();
        // flexmark's closing marker is the whole line, with the prefix of a container such as "> ".
        int first = 0;
        while (first < marker.length() && marker.charAt(first) != '=' && marker.charAt(first) != '-') {
            first++;
        }
        BasedSequence underline = marker.subSequence(first);
        BasedSequence line = underline.baseSubSequence(underline.getStartOffset(),
                Math.min(underline.getBaseSequence().length(), underline.getBaseSequence().endOfLineAnyEOL(underline.getEndOffset()) + 1));
        if (heading.getNext() instanceof Paragraph next && onNextLine(underline, next)) {
            List<BasedSequence> lines = new ArrayList<>();
            List<Integer> indents = new ArrayList<>();
            lines.add(line);
            indents.add(0);
            lines.addAll(next.getContentLines());
            for (int indent : next.getLineIndents()) {
                indents.add(indent);
            }
            next.setContent(underline.baseSubSequence(underline.getStartOffset(), next.getEndOffset()), lines, indents);
            heading.unlink();
            return;
        }
        Paragraph paragraph = new Paragraph(underline, List.of(line), List.of(0));
        paragraph.appendChild(new Text(underline));
        heading.insertBefore(paragraph);
        heading.unlink();
    }

    /** Whether {@code next} starts on the line after the underline (only a container's prefix between them). */
    private static boolean onNextLine(BasedSequence underline, Paragraph next) {
        if (next.getStartOffset() < underline.getEndOffset()) {
            return false;
        }
        String between = underline.baseSubSequence(underline.getEndOffset(), next.getStartOffset()).toString();
        return between.chars().filter(c -> c == '\n').count() == 1 && between.strip().replace(">", "").isBlank();
    }
}
