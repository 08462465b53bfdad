package dev.sd101.engine;

import dev.sd101.LinkFix;
import dev.sd101.SiteConfig;
import dev.sd101.content.Source;
import dev.sd101.link.LinkFixer;
import dev.sd101.output.SourceRewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code check --fix}: every link whose fix is unambiguous rewritten in the sources, each file atomically. */
final class LinkFixes {
    private final Planner planner;

    LinkFixes(Planner planner) {
        this.planner = planner;
    }

    /** The changes made, sorted by file and offset (editions one after the other). */
    List<LinkFix> fix(SiteConfig config) {
        if (config.hasEditions()) {
            List<LinkFix> all = new ArrayList<>();
            for (SiteConfig.Edition e : config.editions()) {
                all.addAll(fix(config.forEdition(e)));
            }
            return all;
        }
        Planned planned = planner.plan(config, new StageClock());
        List<LinkFixer.Fix> fixes = new LinkFixer(planned.resolver()).fixes(planned.site().documents().values());
        Map<Source, List<SourceRewriter.Replacement>> byFile = new LinkedHashMap<>();
        for (LinkFixer.Fix f : fixes) {
            byFile.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(new SourceRewriter.Replacement(f.start(), f.end(), f.to()));
        }
        SourceRewriter rewriter = new SourceRewriter();
        byFile.forEach((source, replacements) -> rewriter.rewrite(source.file(), source.text(), replacements));
        return fixes.stream().map(f -> new LinkFix(f.source().displayPath(), f.line(), f.from(), f.to())).toList();
    }
}
