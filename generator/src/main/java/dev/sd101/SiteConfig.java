package dev.sd101;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one build needs to know, from the CLI's options or the Mojo's parameters alike. Immutable
 * and validated on construction; build one with {@link #builder(Path)}.
 *
 * @param source          a Markdown file, or a folder of them
 * @param contentRoot     the folder links and images must stay inside; the source's folder by default
 * @param outputDirectory where the site is written (replaced as a whole, atomically)
 * @param themeDirectory  a folder whose templates and assets override the default theme's, or {@code null}
 * @param siteTitle       the site's title, or {@code null} to take the document's first heading
 * @param language        the {@code lang} of the pages, e.g. {@code ko}
 * @param siteUrl         the published site's absolute URL (for canonical links, sitemap and feeds), or {@code null}
 * @param repositoryUrl   the content's GitHub repository (for "edit this page"), or {@code null}
 * @param editBranch      the branch edit links point to
 * @param imageBaseUrl    where images missing locally are taken from instead, or {@code null}
 * @param splitLevel      the heading level at which one document becomes many pages: 0 decides from the
 *                        document's own table of contents, -1 never splits, 1..6 splits at that level
 * @param strict          whether content warnings fail the build
 * @param sanitizeHtml    whether raw HTML is cleaned to GitHub's allowlist (off only for trusted content)
 * @param search          whether the client-side search index is written
 */
public record SiteConfig(
        Path source,
        Path contentRoot,
        Path outputDirectory,
        Path themeDirectory,
        String siteTitle,
        String language,
        String siteUrl,
        String repositoryUrl,
        String editBranch,
        String imageBaseUrl,
        int splitLevel,
        boolean strict,
        boolean sanitizeHtml,
        boolean search) {

    public SiteConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        source = source.toAbsolutePath().normalize();
        outputDirectory = outputDirectory.toAbsolutePath().normalize();
        if (contentRoot == null) {
            contentRoot = Files.isDirectory(source) ? source : source.getParent();
        }
        contentRoot = contentRoot.toAbsolutePath().normalize();
        if (themeDirectory != null) {
            themeDirectory = themeDirectory.toAbsolutePath().normalize();
        }
        language = blankToNull(language) == null ? "en" : language.trim();
        siteTitle = blankToNull(siteTitle);
        siteUrl = withSlash(blankToNull(siteUrl));
        repositoryUrl = stripSlash(blankToNull(repositoryUrl));
        editBranch = blankToNull(editBranch) == null ? "main" : editBranch.trim();
        imageBaseUrl = withSlash(blankToNull(imageBaseUrl));
        if (splitLevel < -1 || splitLevel > 6) {
            throw new IllegalArgumentException("splitLevel must be -1 (never), 0 (auto) or 1..6, not " + splitLevel);
        }
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            throw new IllegalArgumentException("language must be a BCP 47 tag such as ko or en-US, not '" + language + "'");
        }
        if (themeDirectory != null && !Files.isDirectory(themeDirectory)) {
            throw new IllegalArgumentException("themeDirectory must be an existing folder, not '" + themeDirectory + "'");
        }
        checkUrl("siteUrl", siteUrl);
        checkUrl("repositoryUrl", repositoryUrl);
        checkUrl("imageBaseUrl", imageBaseUrl);
    }

    /** A builder with the defaults: output {@code site/} beside the source, auto split, sanitising, search on. */
    public static Builder builder(Path source) {
        return new Builder(source);
    }

    /** A builder holding this config's values, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder(source);
        b.contentRoot = contentRoot;
        b.outputDirectory = outputDirectory;
        b.themeDirectory = themeDirectory;
        b.siteTitle = siteTitle;
        b.language = language;
        b.siteUrl = siteUrl;
        b.repositoryUrl = repositoryUrl;
        b.editBranch = editBranch;
        b.imageBaseUrl = imageBaseUrl;
        b.splitLevel = splitLevel;
        b.strict = strict;
        b.sanitizeHtml = sanitizeHtml;
        b.search = search;
        return b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String withSlash(String url) {
        return url == null || url.endsWith("/") ? url : url + "/";
    }

    private static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkUrl(String key, String url) {
        if (url != null && !url.toLowerCase(Locale.ROOT).matches("https?://[^\\s/]+(/.*)?")) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL, not '" + url + "'");
        }
    }

    /** Mutable builder for {@link SiteConfig}; every setter returns {@code this}. */
    public static final class Builder {
        private final Path source;
        private Path contentRoot;
        private Path outputDirectory;
        private Path themeDirectory;
        private String siteTitle;
        private String language;
        private String siteUrl;
        private String repositoryUrl;
        private String editBranch;
        private String imageBaseUrl;
        private int splitLevel;
        private boolean strict;
        private boolean sanitizeHtml = true;
        private boolean search = true;

        private Builder(Path source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder contentRoot(Path v) { contentRoot = v; return this; }
        public Builder outputDirectory(Path v) { outputDirectory = v; return this; }
        public Builder themeDirectory(Path v) { themeDirectory = v; return this; }
        public Builder siteTitle(String v) { siteTitle = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder siteUrl(String v) { siteUrl = v; return this; }
        public Builder repositoryUrl(String v) { repositoryUrl = v; return this; }
        public Builder editBranch(String v) { editBranch = v; return this; }
        public Builder imageBaseUrl(String v) { imageBaseUrl = v; return this; }
        public Builder splitLevel(int v) { splitLevel = v; return this; }
        public Builder strict(boolean v) { strict = v; return this; }
        public Builder sanitizeHtml(boolean v) { sanitizeHtml = v; return this; }
        public Builder search(boolean v) { search = v; return this; }

        public SiteConfig build() {
            Path out = outputDirectory;
            if (out == null) {
                Path abs = source.toAbsolutePath().normalize();
                Path base = Files.isDirectory(abs) ? abs : abs.getParent();
                out = (base.getParent() == null ? base : base.getParent()).resolve("site");
            }
            return new SiteConfig(source, contentRoot, out, themeDirectory, siteTitle, language, siteUrl,
                    repositoryUrl, editBranch, imageBaseUrl, splitLevel, strict, sanitizeHtml, search);
        }
    }
}
