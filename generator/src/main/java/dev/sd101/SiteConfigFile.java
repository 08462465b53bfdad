package dev.sd101;

import dev.sd101.content.ContentRoot;
import dev.sd101.content.YamlTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a site config file ({@code sd101.yml}) into a {@link SiteConfig.Builder}, filling only what the
 * builder has not been given, so that a command-line option or Mojo parameter beats the file. Unknown keys
 * and wrong types are errors naming the key and {@code file:line}; every key is listed in the README.
 */
final class SiteConfigFile {
    private static final Set<String> TOP = Set.of("title", "language", "siteUrl", "baseUrl", "repositoryUrl", "editBranch",
            "imageBaseUrl", "theme", "splitLevel", "strict", "sanitizeHtml", "search", "drafts", "fillEmptyAlt", "shiftHeadings",
            "collections", "taxonomies", "home", "languages", "editions");
    private static final Set<String> EDITION = Set.of("language", "source", "title", "prefix");
    private static final Set<String> COLLECTION = Set.of("folder", "path", "sort", "feed");
    private static final Set<String> TAXONOMY = Set.of("title", "folder", "path", "index", "feeds");
    private static final Set<String> HOME = Set.of("taxonomy", "newest");

    private final String shown;

    private SiteConfigFile(String shown) {
        this.shown = shown;
    }

    /** Fills the unset values of {@code b} from {@code file}. */
    static void read(Path file, SiteConfig.Builder b) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = ContentRoot.display(abs);
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BuildException(shown + ": no such config file");
        } catch (IOException e) {
            throw new BuildException(shown + ": cannot read: " + e.getMessage(), e);
        }
        new SiteConfigFile(shown).apply(YamlTree.parseMapping(text, shown, 1), abs.getParent(), b);
    }

    private void apply(Map<String, YamlTree.Value> top, Path dir, SiteConfig.Builder b) {
        known(top, TOP, "");
        if (b.siteTitle == null) b.siteTitle = string(top, "title", "");
        if (b.language == null) b.language = string(top, "language", "");
        if (b.siteUrl == null) b.siteUrl = string(top, top.containsKey("siteUrl") ? "siteUrl" : "baseUrl", "");
        if (b.repositoryUrl == null) b.repositoryUrl = string(top, "repositoryUrl", "");
        if (b.editBranch == null) b.editBranch = string(top, "editBranch", "");
        if (b.imageBaseUrl == null) b.imageBaseUrl = string(top, "imageBaseUrl", "");
        if (b.themeDirectory == null && string(top, "theme", "") != null) b.themeDirectory = dir.resolve(string(top, "theme", ""));
        if (b.splitLevel == null) b.splitLevel = integer(top, "splitLevel", "");
        if (b.strict == null) b.strict = bool(top, "strict", "");
        if (b.sanitizeHtml == null) b.sanitizeHtml = bool(top, "sanitizeHtml", "");
        if (b.search == null) b.search = bool(top, "search", "");
        if (b.drafts == null) b.drafts = bool(top, "drafts", "");
        if (b.fillEmptyAlt == null) b.fillEmptyAlt = bool(top, "fillEmptyAlt", "");
        if (b.shiftHeadings == null) b.shiftHeadings = bool(top, "shiftHeadings", "");
        try {
            if (b.collections == null) b.collections = collections(top);
            if (b.taxonomies == null) b.taxonomies = taxonomies(top);
            if (b.home == null && top.containsKey("home")) {
                Map<String, YamlTree.Value> h = mapping(top, "home", "");
                known(h, HOME, "home.");
                Integer newest = integer(h, "newest", "home.");
                b.home = new SiteConfig.Home(required(h, "taxonomy", "home."), newest == null ? 5 : newest);
            }
        } catch (IllegalArgumentException e) {
            throw BuildException.at(shown, 0, e.getMessage());
        }
        if (b.languages == null && top.containsKey("languages")) {
            b.languages = languages(top);
        }
        if (b.editions == null && top.containsKey("editions")) {
            b.editions = editions(top, dir);
        }
    }

    /** {@code editions:} a list of mappings (language, source relative to this file's folder, title, prefix). */
    private List<SiteConfig.Edition> editions(Map<String, YamlTree.Value> top, Path dir) {
        YamlTree.Value list = top.get("editions");
        if (list.value() == null) {
            return List.of();
        }
        if (!(list.value() instanceof List<?> items)) {
            throw wrong("editions", list, "a list");
        }
        List<SiteConfig.Edition> out = new ArrayList<>();
        for (Object item : items) {
            YamlTree.Value v = (YamlTree.Value) item;
            Map<String, YamlTree.Value> e = asMapping(v, "editions[" + out.size() + "]");
            known(e, EDITION, "editions[" + out.size() + "].");
            String lang = required(e, "language", "editions[" + out.size() + "].", v);
            String source = required(e, "source", "editions." + lang + ".", v);
            String title = string(e, "title", "editions." + lang + ".");
            String prefix = string(e, "prefix", "editions." + lang + ".");
            out.add(at(v, () -> new SiteConfig.Edition(lang, dir.resolve(source), title, prefix)));
        }
        // The rules across editions (one at the root, distinct prefixes) are checked here too, at the list's line.
        at(list, () -> SiteConfig.builder(dir).editions(out).checkedEditions());
        return out;
    }

    private String required(Map<String, YamlTree.Value> map, String key, String prefix, YamlTree.Value where) {
        String s = string(map, key, prefix);
        if (s == null || s.isBlank()) {
            throw BuildException.at(shown, where.line(), prefix + key + " is required");
        }
        return s;
    }

    /** {@code languages:} folder → language tag, each entry checked at its own line. */
    private Map<String, String> languages(Map<String, YamlTree.Value> top) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Value> e : mapping(top, "languages", "").entrySet()) {
            String lang = string(Map.of(e.getKey(), e.getValue()), e.getKey(), "languages.");
            out.put(e.getKey(), at(e.getValue(), () -> SiteConfig.languageOf(e.getKey(), lang)));
        }
        return out;
    }

    private List<SiteConfig.Collection> collections(Map<String, YamlTree.Value> top) {
        List<SiteConfig.Collection> out = new ArrayList<>();
        if (!top.containsKey("collections")) {
            return null;
        }
        for (Map.Entry<String, YamlTree.Value> e : mapping(top, "collections", "").entrySet()) {
            String prefix = "collections." + e.getKey() + ".";
            Map<String, YamlTree.Value> c = asMapping(e.getValue(), "collections." + e.getKey());
            known(c, COLLECTION, prefix);
            Integer feed = integer(c, "feed", prefix);
            out.add(at(e.getValue(), () -> new SiteConfig.Collection(e.getKey(), string(c, "folder", prefix),
                    string(c, "path", prefix), sort(c, prefix), feed == null ? 20 : feed)));
        }
        return out;
    }

    private List<SiteConfig.Taxonomy> taxonomies(Map<String, YamlTree.Value> top) {
        List<SiteConfig.Taxonomy> out = new ArrayList<>();
        if (!top.containsKey("taxonomies")) {
            return null;
        }
        for (Map.Entry<String, YamlTree.Value> e : mapping(top, "taxonomies", "").entrySet()) {
            String prefix = "taxonomies." + e.getKey() + ".";
            Map<String, YamlTree.Value> t = asMapping(e.getValue(), "taxonomies." + e.getKey());
            known(t, TAXONOMY, prefix);
            Boolean feeds = bool(t, "feeds", prefix);
            out.add(at(e.getValue(), () -> new SiteConfig.Taxonomy(e.getKey(), string(t, "title", prefix),
                    string(t, "folder", prefix), string(t, "path", prefix), string(t, "index", prefix),
                    Boolean.TRUE.equals(feeds))));
        }
        return out;
    }

    private SiteConfig.Sort sort(Map<String, YamlTree.Value> c, String prefix) {
        String s = string(c, "sort", prefix);
        if (s == null) {
            return null;
        }
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "date": case "createdat": return SiteConfig.Sort.DATE;
            case "title": return SiteConfig.Sort.TITLE;
            case "weight": case "sort": return SiteConfig.Sort.WEIGHT;
            default: throw BuildException.at(shown, c.get("sort").line(),
                    prefix + "sort: expected createdAt (or date), title or weight, found '" + s + "'");
        }
    }

    /** Runs a record constructor, turning its validation error into one at the entry's line. */
    private <T> T at(YamlTree.Value where, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw BuildException.at(shown, where.line(), e.getMessage());
        }
    }

    private void known(Map<String, YamlTree.Value> map, Set<String> keys, String prefix) {
        for (Map.Entry<String, YamlTree.Value> e : map.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw BuildException.at(shown, e.getValue().line(), "unknown key '" + prefix + e.getKey()
                        + "'; known keys are " + String.join(", ", new java.util.TreeSet<>(keys)));
            }
        }
    }

    private Map<String, YamlTree.Value> mapping(Map<String, YamlTree.Value> map, String key, String prefix) {
        return asMapping(map.get(key), prefix + key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, YamlTree.Value> asMapping(YamlTree.Value v, String key) {
        if (v.value() == null) {
            return Map.of();
        }
        if (!(v.value() instanceof Map)) {
            throw wrong(key, v, "a mapping");
        }
        return (Map<String, YamlTree.Value>) v.value();
    }

    private String required(Map<String, YamlTree.Value> map, String key, String prefix) {
        String s = string(map, key, prefix);
        if (s == null) {
            throw BuildException.at(shown, 0, prefix + key + " is required");
        }
        return s;
    }

    private String string(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        if (v == null || v.value() == null) {
            return null;
        }
        if (v.value() instanceof String s) {
            return s;
        }
        throw wrong(prefix + key, v, "text");
    }

    private Integer integer(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        if (v == null || v.value() == null) {
            return null;
        }
        if (v.value() instanceof Integer i) {
            return i;
        }
        throw wrong(prefix + key, v, "a whole number");
    }

    private Boolean bool(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        if (v == null || v.value() == null) {
            return null;
        }
        if (v.value() instanceof Boolean x) {
            return x;
        }
        throw wrong(prefix + key, v, "true or false");
    }

    private BuildException wrong(String key, YamlTree.Value v, String expected) {
        return BuildException.at(shown, v.line(), key + ": expected " + expected + ", found " + v.typeName());
    }
}
