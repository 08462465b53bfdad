package dev.sd101.maven;

import dev.sd101.InvalidSetting;
import dev.sd101.SiteConfig;

import java.io.File;

/** One {@code <edition>} of the {@code editions} parameter, as Maven fills it; see {@link SiteConfig.Edition}. */
public class Edition {
    /** The edition's language, e.g. {@code en}. */
    String language;
    /** Its Markdown file or folder. */
    File source;
    /** Its site title (default: its document's first heading). */
    String title;
    /** The URL folder it is published under, e.g. {@code en/}; empty for the site root. */
    String prefix;

    SiteConfig.Edition toConfig() {
        if (source == null) {
            throw new InvalidSetting("editions", "editions: edition " + language + " has no <source>");
        }
        return new SiteConfig.Edition(language, source.toPath(), title, prefix);
    }
}
