package dev.sd101;

import dev.sd101.content.RepositoryRoot;
import dev.sd101.engine.ConfigLoader;
import dev.sd101.engine.Settings;
import dev.sd101.site.SitePlanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one build needs to know, from the CLI's options or the Mojo's parameters alike: a plain value,
 * immutable and validated on construction (each message starts with the key it is about). Make one with
 * {@link #builder(Path)}, which also reads the site config file.
 *
 * @param source          a Markdown file, or a folder of them
 * @param contentRoot     the folder links and images must stay inside; by default the top of the git work tree
 *                        holding the source, else the source's folder (see {@link RepositoryRoot#defaultContentRoot})
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
 * @param drafts          whether pages whose front matter says {@code draft: true} are published
 * @param configFile      the site config file ({@code sd101.yml}) the values were read from, or {@code null}
 * @param collections     folders of Markdown files published as collections (empty: none)
 * @param taxonomies      ways collection items are grouped (categories, tags), by front matter key
 * @param home            what the home page lists, or {@code null} for the plain home page
 * @param cacheDirectory  where {@code generate} keeps the search analysis of the site's texts between builds
 *                        (only what changed is analysed again), or {@code null} for none; never changes the output
 * @param languages       the language of the pages in a folder (relative to the source folder, ending with
 *                        {@code /}) where it is not {@link #language}: the longest matching folder wins, a page's
 *                        front matter {@code lang} beats it
 * @param fillEmptyAlt    whether an image without alt text gets its section's heading as alt text (GitHub leaves it
 *                        empty)
 * @param shiftHeadings   whether a page's headings move up so that its title is an {@code h1} (GitHub keeps the
 *                        levels as written)
 * @param editions        the site's language editions (empty: one edition, {@link #source}): the first one with an
 *                        empty prefix is published at the site root, each other under its prefix
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
        boolean search,
        boolean drafts,
        Path configFile,
        List<Collection> collections,
        List<Taxonomy> taxonomies,
        Home home,
        Path cacheDirectory,
        Map<String, String> languages,
        boolean fillEmptyAlt,
        boolean shiftHeadings,
        List<Edition> editions) {

    /**
     * One language edition of the site: a translation of the content, split, linked, checked and rendered as a
     * site of its own, published under {@code prefix} and linked to the other editions article by article.
     *
     * @param language the edition's BCP 47 tag ({@code <html lang>}, hreflang, the search analysis)
     * @param source   its Markdown file or folder
     * @param title    its site title, or {@code null}: the config's title for the root edition, else its document's first heading
     * @param prefix   the URL folder it is published under, ending with {@code /}; {@code ""} for the site root
     */
    public record Edition(String language, Path source, String title, String prefix) {
        public Edition {
            String tag = blankToNull(language);
            if (tag == null || !tag.matches(LANGUAGE_TAG)) {
                throw new InvalidSetting("editions", "editions: language must be a BCP 47 tag such as ko or en-US, not '" + language + "'");
            }
            language = tag;
            Objects.requireNonNull(source, "editions." + language + ".source");
            source = source.toAbsolutePath().normalize();
            title = blankToNull(title);
            prefix = prefix == null ? null : checkRelative("editions." + language + ".prefix", prefix, true);
            if (prefix != null && prefix.chars().filter(c -> c == '/').count() > 1) {
                throw new InvalidSetting("editions." + language + ".prefix", "editions." + language + ".prefix must be one folder, such as en/, not '" + prefix + "'");
            }
        }
    }

    /** The order of a collection's items on listing pages. */
    public enum Sort {
        /** Newest first by {@code date}/{@code createdAt}; items without a date last. Written {@code date} or {@code createdAt}. */
        DATE,
        /** By title, case-insensitively. */
        TITLE,
        /** By {@code weight}/{@code sort}, lowest first; items without one last. */
        WEIGHT
    }

    /**
     * A folder of Markdown files published as one page each.
     *
     * @param name        the collection's name (its key in the config file)
     * @param folder      the folder, relative to the source folder ({@link #contentBase()})
     * @param path        the URL path of an item, with {@code {slug}} for the file name or front matter {@code slug}
     * @param sort        the order of items on listing pages; ties are broken by title, then slug
     * @param feedEntries how many of the newest items the Atom feed {@code feed.xml} holds; 0 writes none
     */
    public record Collection(String name, String folder, String path, Sort sort, int feedEntries) {
        public Collection {
            name = checkName(name);
            folder = checkRelative("collections." + name + ".folder", folder == null ? name : folder, false);
            path = checkPattern("collections." + name + ".path", path == null ? name + "/{slug}/" : path);
            sort = sort == null ? Sort.DATE : sort;
            if (feedEntries < 0) {
                throw new InvalidSetting("collections." + name + ".feed", "collections." + name + ".feed must be 0 or more, not " + feedEntries);
            }
        }
    }

    /**
     * A grouping of collection items by a front matter key (e.g. {@code categories}, {@code tags}). Each
     * term gets a page listing its items; the taxonomy gets an index page of all terms with counts.
     *
     * @param name      the taxonomy's name and the front matter key items name their terms under
     * @param title     the index page's title
     * @param folder    a folder of term files (title, description, icon, sort and an intro), relative to the
     *                  source folder, or {@code null}; with one, an item naming a term that has no file is warned about
     * @param path      the URL path of a term page, with {@code {slug}}
     * @param indexPath the URL path of the index page
     * @param feeds     whether each term gets its own Atom feed
     */
    public record Taxonomy(String name, String title, String folder, String path, String indexPath, boolean feeds) {
        public Taxonomy {
            name = checkName(name);
            title = blankToNull(title) == null ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : title.strip();
            folder = folder == null ? null : checkRelative("taxonomies." + name + ".folder", folder, false);
            path = checkPattern("taxonomies." + name + ".path", path == null ? name + "/{slug}/" : path);
            indexPath = checkRelative("taxonomies." + name + ".index", indexPath == null ? name + "/" : indexPath, true);
        }
    }

    /**
     * A home page that lists a taxonomy's terms (in their {@code sort} order) with their newest items.
     *
     * @param taxonomy the taxonomy listed; its terms are also the top level of the navigation
     * @param newest   how many items each term shows
     */
    public record Home(String taxonomy, int newest) {
        public Home {
            taxonomy = checkName(taxonomy);
            if (newest < 0) {
                throw new InvalidSetting("home.newest", "home.newest must be 0 or more, not " + newest);
            }
        }
    }

    public SiteConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        source = source.toAbsolutePath().normalize();
        outputDirectory = outputDirectory.toAbsolutePath().normalize();
        if (contentRoot == null) {
            contentRoot = RepositoryRoot.defaultContentRoot(source, null);
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
            throw new InvalidSetting("splitLevel", "splitLevel must be -1 (never), 0 (auto) or 1..6, not " + splitLevel);
        }
        if (!language.matches(LANGUAGE_TAG)) {
            throw new InvalidSetting("language", "language must be a BCP 47 tag such as ko or en-US, not '" + language + "'");
        }
        if (themeDirectory != null && !Files.isDirectory(themeDirectory)) {
            throw new InvalidSetting("themeDirectory", "themeDirectory must be an existing folder, not '" + themeDirectory + "'");
        }
        checkUrl("siteUrl", siteUrl);
        checkUrl("repositoryUrl", repositoryUrl);
        checkUrl("imageBaseUrl", imageBaseUrl);
        if (configFile != null) {
            configFile = configFile.toAbsolutePath().normalize();
        }
        if (cacheDirectory != null) {
            cacheDirectory = cacheDirectory.toAbsolutePath().normalize();
            if (cacheDirectory.startsWith(outputDirectory)) {
                // The output folder is replaced as a whole: a cache in it would be published, then lost.
                throw new InvalidSetting("cacheDirectory", "cacheDirectory must be outside the output folder, not '" + cacheDirectory + "'");
            }
        }
        collections = List.copyOf(collections == null ? List.of() : collections);
        taxonomies = List.copyOf(taxonomies == null ? List.of() : taxonomies);
        Set<String> names = new HashSet<>();
        for (Collection c : collections) {
            if (!names.add(c.name())) {
                throw new InvalidSetting("collections", "collection '" + c.name() + "' is defined twice");
            }
        }
        for (Taxonomy t : taxonomies) {
            if (!names.add(t.name())) {
                throw new InvalidSetting("taxonomies", "taxonomy '" + t.name() + "' has the name of another collection or taxonomy");
            }
        }
        if (home != null && taxonomies.stream().noneMatch(t -> t.name().equals(home.taxonomy()))) {
            throw new InvalidSetting("home.taxonomy", "home.taxonomy '" + home.taxonomy() + "' is not a configured taxonomy");
        }
        Map<String, String> folders = new TreeMap<>();
        (languages == null ? Map.<String, String>of() : languages)
                .forEach((folder, lang) -> folders.put(checkRelative("languages." + folder, folder, true), languageOf(folder, lang)));
        languages = Collections.unmodifiableMap(folders);
        editions = placeEditions(editions == null ? List.of() : editions);
    }

    /**
     * The editions with their prefixes decided: an edition without one is at the root if it is the first, else under
     * {@code <language>/}; exactly one edition is at the root, and no two share a language or a prefix.
     *
     * @throws InvalidSetting when they clash
     */
    public static List<Edition> placeEditions(List<Edition> editions) {
        List<Edition> out = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            String prefix = e.prefix() != null ? e.prefix() : i == 0 ? "" : e.language().toLowerCase(Locale.ROOT) + "/";
            if (!prefixes.add(prefix)) {
                throw new InvalidSetting("editions", "editions: two editions are published under '/" + prefix + "'; give each its own prefix");
            }
            if (!tags.add(e.language().toLowerCase(Locale.ROOT))) {
                throw new InvalidSetting("editions", "editions: language " + e.language() + " has two editions");
            }
            if (!prefix.isEmpty() && SitePlanner.reserved(prefix.substring(0, prefix.length() - 1))) {
                throw new InvalidSetting("editions." + e.language() + ".prefix", "editions." + e.language() + ".prefix '" + prefix + "' is a folder the engine writes itself");
            }
            out.add(new Edition(e.language(), e.source(), e.title(), prefix));
        }
        if (!out.isEmpty() && !prefixes.contains("")) {
            throw new InvalidSetting("editions", "editions: one edition must be at the site root (prefix \"\")");
        }
        return List.copyOf(out);
    }

    /** Whether the site has several language editions. */
    public boolean hasEditions() {
        return !editions.isEmpty();
    }

    /** The config that builds one edition as a site of its own (its source, language and title; no editions). */
    public SiteConfig forEdition(Edition e) {
        // The site's title is the root edition's: another edition is titled in its own language, by its own heading.
        String title = e.title() != null ? e.title() : e.prefix().isEmpty() ? siteTitle : null;
        return new SiteConfig(e.source(), contentRoot, outputDirectory, themeDirectory, title,
                e.language(), siteUrl == null ? null : siteUrl + e.prefix(), repositoryUrl, editBranch, imageBaseUrl,
                splitLevel, strict, sanitizeHtml, search, drafts, configFile, collections, taxonomies, home, cacheDirectory,
                languages, fillEmptyAlt, shiftHeadings, List.of());
    }

    /**
     * A {@code languages} entry's tag, checked: the folder must be a relative path and the tag BCP 47.
     *
     * @throws InvalidSetting when either is not
     */
    public static String languageOf(String folder, String lang) {
        String key = checkRelative("languages." + folder, folder, true);
        String tag = blankToNull(lang);
        if (key.isEmpty() || tag == null || !tag.matches(LANGUAGE_TAG)) {
            throw new InvalidSetting("languages." + folder, "languages." + folder + " must be a BCP 47 tag such as ko or en-US, not '" + lang + "'");
        }
        return tag;
    }

    private static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    /** This config with another {@link #cacheDirectory} ({@code null}: none). */
    public SiteConfig withCacheDirectory(Path cacheDirectory) {
        return new SiteConfig(source, contentRoot, outputDirectory, themeDirectory, siteTitle, language, siteUrl,
                repositoryUrl, editBranch, imageBaseUrl, splitLevel, strict, sanitizeHtml, search, drafts, configFile,
                collections, taxonomies, home, cacheDirectory, languages, fillEmptyAlt, shiftHeadings, editions);
    }

    /** The folder collection and taxonomy folders are relative to: the source folder, or a source file's folder. */
    public Path contentBase() {
        return Files.isDirectory(source) ? source : source.getParent();
    }

    /** The name of the file looked for, from the source's folder up to the content root, when no config file is given. */
    public static final String CONFIG_FILE_NAME = "sd101.yml";

    private static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidSetting("collections", "a collection or taxonomy name must be letters, digits, '-' or '_', not '" + name + "'");
        }
        return name;
    }

    private static String checkRelative(String key, String path, boolean folderPath) {
        String p = path.strip().replace('\\', '/');
        if (p.startsWith("/") || p.contains("..") || p.contains("://") || p.contains("{") && !p.contains("{slug}")) {
            throw new InvalidSetting(key, key + " must be a relative path inside the site, not '" + path + "'");
        }
        if (folderPath && !p.isEmpty() && !p.endsWith("/")) {
            p = p + "/";
        }
        return p;
    }

    private static String checkPattern(String key, String pattern) {
        String p = checkRelative(key, pattern, true);
        if (!p.contains("{slug}")) {
            throw new InvalidSetting(key, key + " must contain {slug}, e.g. guides/{slug}/, not '" + pattern + "'");
        }
        return p;
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
        b.drafts = drafts;
        b.configFile = configFile;
        b.collections = collections;
        b.taxonomies = taxonomies;
        b.home = home;
        b.cacheDirectory = cacheDirectory;
        b.languages = languages;
        b.fillEmptyAlt = fillEmptyAlt;
        b.shiftHeadings = shiftHeadings;
        b.editions = editions;
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
            throw new InvalidSetting(key, key + " must be an absolute http(s) URL, not '" + url + "'");
        }
    }

    /**
     * Mutable builder for {@link SiteConfig}; every setter returns {@code this} and takes {@code null} as "not given".
     * What is not given is taken from the config file ({@link #configFile}, else the nearest {@value #CONFIG_FILE_NAME}
     * from the source's folder up to the content root, when there is one), then from the defaults: see
     * {@link ConfigLoader}, where that precedence is decided for the CLI, the Mojos and Java callers alike.
     */
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
        private Integer splitLevel;
        private Boolean strict;
        private Boolean sanitizeHtml;
        private Boolean search;
        private Boolean drafts;
        private Path configFile;
        private List<Collection> collections;
        private List<Taxonomy> taxonomies;
        private Home home;
        private Path cacheDirectory;
        private Path projectDirectory;
        private Map<String, String> languages;
        private Boolean fillEmptyAlt;
        private Boolean shiftHeadings;
        private List<Edition> editions;

        private Builder(Path source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The content root; {@code null} (the default) takes {@link RepositoryRoot#defaultContentRoot}. */
        public Builder contentRoot(Path v) { contentRoot = v; return this; }
        /**
         * The Maven project's base folder: the content root when no root is given and the source is in no git
         * work tree; also the highest folder searched for {@value #CONFIG_FILE_NAME}.
         */
        public Builder projectDirectory(Path v) { projectDirectory = v; return this; }
        public Builder outputDirectory(Path v) { outputDirectory = v; return this; }
        public Builder themeDirectory(Path v) { themeDirectory = v; return this; }
        public Builder siteTitle(String v) { siteTitle = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder siteUrl(String v) { siteUrl = v; return this; }
        public Builder repositoryUrl(String v) { repositoryUrl = v; return this; }
        public Builder editBranch(String v) { editBranch = v; return this; }
        public Builder imageBaseUrl(String v) { imageBaseUrl = v; return this; }
        public Builder splitLevel(Integer v) { splitLevel = v; return this; }
        public Builder strict(Boolean v) { strict = v; return this; }
        public Builder sanitizeHtml(Boolean v) { sanitizeHtml = v; return this; }
        public Builder search(Boolean v) { search = v; return this; }
        public Builder drafts(Boolean v) { drafts = v; return this; }
        /** The site config file to read; {@code null} looks for the nearest {@value #CONFIG_FILE_NAME} up to the content root. */
        public Builder configFile(Path v) { configFile = v; return this; }
        public Builder collections(List<Collection> v) { collections = v; return this; }
        public Builder taxonomies(List<Taxonomy> v) { taxonomies = v; return this; }
        public Builder home(Home v) { home = v; return this; }
        /** Where the search analysis is kept between builds; {@code null} (the default) keeps none. */
        public Builder cacheDirectory(Path v) { cacheDirectory = v; return this; }
        /** Folder (relative to the source folder) → the language of its pages; see {@link SiteConfig#languages}. */
        public Builder languages(Map<String, String> v) { languages = v; return this; }
        /** Whether images without alt text take their section's heading (default true; GitHub: false). */
        public Builder fillEmptyAlt(Boolean v) { fillEmptyAlt = v; return this; }
        /** Whether a page's headings move up so that its title is an h1 (default true; GitHub: false). */
        public Builder shiftHeadings(Boolean v) { shiftHeadings = v; return this; }
        /** The language editions (see {@link SiteConfig#editions}); {@code null} or empty: the config file's, else one edition. */
        public Builder editions(List<Edition> v) { editions = v; return this; }

        /** The values given so far, {@code null} where none was. */
        public Settings settings() {
            return new Settings(source, projectDirectory, contentRoot, outputDirectory, themeDirectory, siteTitle,
                    language, siteUrl, repositoryUrl, editBranch, imageBaseUrl, splitLevel, strict, sanitizeHtml, search,
                    drafts, fillEmptyAlt, shiftHeadings, configFile, collections, taxonomies, home, languages, editions,
                    cacheDirectory);
        }

        /**
         * The config: the values given, then the config file's, then defaults.
         *
         * @throws BuildException naming file:line when the config file is invalid
         * @throws InvalidSetting when a value is invalid
         */
        public SiteConfig build() {
            return ConfigLoader.load(settings());
        }
    }
}
