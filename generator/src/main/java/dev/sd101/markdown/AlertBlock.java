package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

/** A GitHub alert: a top-level block quote whose first line is {@code [!NOTE]} and the like. */
final class AlertBlock extends Block {
    private final Alerts.Kind kind;

    AlertBlock(BasedSequence chars, Alerts.Kind kind) {
        super(chars);
        this.kind = kind;
    }

    Alerts.Kind kind() {
        return kind;
    }

    @Override
    public @NotNull BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
