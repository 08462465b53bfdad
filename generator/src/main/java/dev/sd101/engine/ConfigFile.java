package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.SiteConfig;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.YamlReader;
import dev.sd101.content.YamlTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a site config file ({@code sd101.yml}) into the {@link Settings} it gives. Unknown keys, wrong types and
 * invalid values are errors naming the key and {@code file:line}; every key is listed in the user guide. Paths in
 * the file ({@code theme}, an edition's {@code source}) are relative to the file's folder.
 */
final class ConfigFile {
    private static final Set<String> TOP = Set.of("title", "language", "siteUrl", "baseUrl", "repositoryUrl", "editBranch",
            "imageBaseUrl", "theme", "splitLevel", "strict", "sanitizeHtml", "search", "drafts", "fillEmptyAlt", "shiftHeadings",
            "collections", "taxonomies", "home", "languages", "editions");
    private static final Set<String> EDITION = Set.of("language", "source", "title", "prefix");
    private static final Set<String> COLLECTION = Set.of("folder", "path", "sort", "feed");
    private static final Set<String> TAXONOMY = Set.of("title", "folder", "path", "index", "feeds");
    private static final Set<String> HOME = Set.of("taxonomy", "newest");

    private final YamlReader yaml;

    private ConfigFile(String shown) {
        this.yaml = new YamlReader(shown);
    }

    /** The settings {@code file} gives; what it does not set is {@code null}. */
    static Settings read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = ContentRoot.display(abs);
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BuildException(shown + ": no such config file");
        } catch (IOException e) {
            throw new BuildException(shown + ": cannot read: " + e.getMessage(), e);
        }
        return new ConfigFile(shown).settings(YamlTree.parseMapping(text, shown, 1), abs.getParent());
    }

    private Settings settings(Map<String, YamlTree.Value> top, Path dir) {
        yaml.known(top, TOP, "");
        String title = yaml.string(top, "title", "");
        String language = yaml.string(top, "language", "");
        String siteUrl = yaml.string(top, top.containsKey("siteUrl") ? "siteUrl" : "baseUrl", "");
        String repositoryUrl = yaml.string(top, "repositoryUrl", "");
        String editBranch = yaml.string(top, "editBranch", "");
        String imageBaseUrl = yaml.string(top, "imageBaseUrl", "");
        String theme = yaml.string(top, "theme", "");
        Integer splitLevel = yaml.integer(top, "splitLevel", "");
        Boolean strict = yaml.bool(top, "strict", "");
        Boolean sanitizeHtml = yaml.bool(top, "sanitizeHtml", "");
        Boolean search = yaml.bool(top, "search", "");
        Boolean drafts = yaml.bool(top, "drafts", "");
        Boolean fillEmptyAlt = yaml.bool(top, "fillEmptyAlt", "");
        Boolean shiftHeadings = yaml.bool(top, "shiftHeadings", "");
        List<SiteConfig.Collection> collections;
        List<SiteConfig.Taxonomy> taxonomies;
        SiteConfig.Home home = null;
        try {
            collections = collections(top);
            taxonomies = taxonomies(top);
            if (top.containsKey("home")) {
                Map<String, YamlTree.Value> h = yaml.mapping(top, "home", "");
                yaml.known(h, HOME, "home.");
                Integer newest = yaml.integer(h, "newest", "home.");
                home = new SiteConfig.Home(required(h, "taxonomy", "home."), newest == null ? 5 : newest);
            }
        } catch (IllegalArgumentException e) {
            throw BuildException.at(yaml.file(), 0, e.getMessage());
        }
        Map<String, String> languages = top.containsKey("languages") ? languages(top) : null;
        List<SiteConfig.Edition> editions = top.containsKey("editions") ? editions(top, dir) : null;
        return new Settings(null, null, null, null, theme == null ? null : dir.resolve(theme), title, language, siteUrl,
                repositoryUrl, editBranch, imageBaseUrl, splitLevel, strict, sanitizeHtml, search, drafts, fillEmptyAlt,
                shiftHeadings, null, collections, taxonomies, home, languages, editions, null);
    }

    /** {@code editions:} a list of mappings (language, source relative to this file's folder, title, prefix). */
    private List<SiteConfig.Edition> editions(Map<String, YamlTree.Value> top, Path dir) {
        YamlTree.Value list = top.get("editions");
        if (list.value() == null) {
            return List.of();
        }
        if (!(list.value() instanceof List<?> items)) {
            throw yaml.wrong("editions", list, "a list");
        }
        List<SiteConfig.Edition> out = new ArrayList<>();
        for (Object item : items) {
            YamlTree.Value v = (YamlTree.Value) item;
            Map<String, YamlTree.Value> e = yaml.asMapping(v, "editions[" + out.size() + "]");
            yaml.known(e, EDITION, "editions[" + out.size() + "].");
            String lang = required(e, "language", "editions[" + out.size() + "].", v);
            String source = required(e, "source", "editions." + lang + ".", v);
            String title = yaml.string(e, "title", "editions." + lang + ".");
            String prefix = yaml.string(e, "prefix", "editions." + lang + ".");
            out.add(at(v, () -> new SiteConfig.Edition(lang, dir.resolve(source), title, prefix)));
        }
        // The rules across editions (one at the root, distinct prefixes) are checked here too, at the list's line.
        at(list, () -> SiteConfig.placeEditions(out));
        return out;
    }

    /** {@code languages:} folder → language tag, each entry checked at its own line. */
    private Map<String, String> languages(Map<String, YamlTree.Value> top) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Value> e : yaml.mapping(top, "languages", "").entrySet()) {
            String lang = yaml.string(Map.of(e.getKey(), e.getValue()), e.getKey(), "languages.");
            out.put(e.getKey(), at(e.getValue(), () -> SiteConfig.languageOf(e.getKey(), lang)));
        }
        return out;
    }

    private List<SiteConfig.Collection> collections(Map<String, YamlTree.Value> top) {
        return named(top, "collections", COLLECTION, (name, c, prefix) -> {
            Integer feed = yaml.integer(c, "feed", prefix);
            return new SiteConfig.Collection(name, yaml.string(c, "folder", prefix), yaml.string(c, "path", prefix),
                    sort(c, prefix), feed == null ? 20 : feed);
        });
    }

    private List<SiteConfig.Taxonomy> taxonomies(Map<String, YamlTree.Value> top) {
        return named(top, "taxonomies", TAXONOMY, (name, t, prefix) -> {
            Boolean feeds = yaml.bool(t, "feeds", prefix);
            return new SiteConfig.Taxonomy(name, yaml.string(t, "title", prefix), yaml.string(t, "folder", prefix),
                    yaml.string(t, "path", prefix), yaml.string(t, "index", prefix), Boolean.TRUE.equals(feeds));
        });
    }

    /** Makes one entry of a mapping of named entries from its name, its keys and the prefix its messages use. */
    private interface Entry<T> {
        T make(String name, Map<String, YamlTree.Value> keys, String prefix);
    }

    /** {@code key:} a mapping of name → mapping of {@code keys} (collections, taxonomies); {@code null} when absent. */
    private <T> List<T> named(Map<String, YamlTree.Value> top, String key, Set<String> keys, Entry<T> entry) {
        if (!top.containsKey(key)) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (Map.Entry<String, YamlTree.Value> e : yaml.mapping(top, key, "").entrySet()) {
            String prefix = key + "." + e.getKey() + ".";
            Map<String, YamlTree.Value> m = yaml.asMapping(e.getValue(), key + "." + e.getKey());
            yaml.known(m, keys, prefix);
            out.add(at(e.getValue(), () -> entry.make(e.getKey(), m, prefix)));
        }
        return out;
    }

    private SiteConfig.Sort sort(Map<String, YamlTree.Value> c, String prefix) {
        String s = yaml.string(c, "sort", prefix);
        if (s == null) {
            return null;
        }
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "date": case "createdat": return SiteConfig.Sort.DATE;
            case "title": return SiteConfig.Sort.TITLE;
            case "weight": case "sort": return SiteConfig.Sort.WEIGHT;
            default: throw BuildException.at(yaml.file(), c.get("sort").line(),
                    prefix + "sort: expected createdAt (or date), title or weight, found '" + s + "'");
        }
    }

    /** Runs a record constructor, turning its validation error into one at the entry's line. */
    private <T> T at(YamlTree.Value where, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw BuildException.at(yaml.file(), where.line(), e.getMessage());
        }
    }

    private String required(Map<String, YamlTree.Value> map, String key, String prefix, YamlTree.Value where) {
        String s = yaml.string(map, key, prefix);
        if (s == null || s.isBlank()) {
            throw BuildException.at(yaml.file(), where.line(), prefix + key + " is required");
        }
        return s;
    }

    private String required(Map<String, YamlTree.Value> map, String key, String prefix) {
        String s = yaml.string(map, key, prefix);
        if (s == null) {
            throw BuildException.at(yaml.file(), 0, prefix + key + " is required");
        }
        return s;
    }
}
