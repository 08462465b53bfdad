package dev.sd101.content;

import dev.sd101.BuildException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of a {@link YamlTree} mapping, for the site config file and front matter alike: each returns
 * {@code null} when the key is absent or null, and a wrong type is a {@link BuildException} naming the file, the
 * value's line and the key as {@code prefix + key} (e.g. {@code collections.guides.feed}).
 */
public final class YamlReader {
    private final String shown;

    /** @param shown the file as messages name it */
    public YamlReader(String shown) {
        this.shown = shown;
    }

    /** The file as messages name it. */
    public String file() {
        return shown;
    }

    /** Text, strictly: a number or true/false is an error. */
    public String string(Map<String, YamlTree.Value> map, String key, String prefix) {
        return typed(map, key, prefix, String.class, "text");
    }

    /** Text, or a number or true/false as written: {@code title: 2048} is a title, not an error. */
    public String text(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        if (v != null && (v.value() instanceof Number || v.value() instanceof Boolean)) {
            return v.value().toString();
        }
        return string(map, key, prefix);
    }

    public Integer integer(Map<String, YamlTree.Value> map, String key, String prefix) {
        return typed(map, key, prefix, Integer.class, "a whole number");
    }

    public Boolean bool(Map<String, YamlTree.Value> map, String key, String prefix) {
        return typed(map, key, prefix, Boolean.class, "true or false");
    }

    private <T> T typed(Map<String, YamlTree.Value> map, String key, String prefix, Class<T> type, String expected) {
        YamlTree.Value v = map.get(key);
        if (v == null || v.value() == null) {
            return null;
        }
        if (type.isInstance(v.value())) {
            return type.cast(v.value());
        }
        throw wrong(prefix + key, v, expected);
    }

    /** {@code 2024-02-28}, {@code 2024-02-28T10:00:00Z}, {@code 2024-02-28T10:00:00} (UTC), quoted or not. */
    public OffsetDateTime date(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        if (v == null || v.value() == null) {
            return null;
        }
        if (!(v.value() instanceof String s)) {
            throw wrong(prefix + key, v, "a date such as 2024-02-28");
        }
        return parseDate(s.strip()).orElseThrow(() -> BuildException.at(shown, v.line(),
                prefix + key + ": '" + s + "' is not a date; write it as 2024-02-28 or 2024-02-28T10:00:00Z"));
    }

    /** Parses the date forms {@link #date} accepts. */
    public static Optional<OffsetDateTime> parseDate(String s) {
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            try {
                return Optional.of(OffsetDateTime.parse(s.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The mapping under {@code key}; empty when it is absent or null. */
    public Map<String, YamlTree.Value> mapping(Map<String, YamlTree.Value> map, String key, String prefix) {
        YamlTree.Value v = map.get(key);
        return v == null ? Map.of() : asMapping(v, prefix + key);
    }

    /** {@code v} as a mapping; empty when it is null. */
    @SuppressWarnings("unchecked")
    public Map<String, YamlTree.Value> asMapping(YamlTree.Value v, String key) {
        if (v.value() == null) {
            return Map.of();
        }
        if (!(v.value() instanceof Map)) {
            throw wrong(key, v, "a mapping");
        }
        return (Map<String, YamlTree.Value>) v.value();
    }

    /** Fails at the first key of {@code map} not in {@code keys}, listing the known ones. */
    public void known(Map<String, YamlTree.Value> map, Set<String> keys, String prefix) {
        for (Map.Entry<String, YamlTree.Value> e : map.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw BuildException.at(shown, e.getValue().line(), "unknown key '" + prefix + e.getKey()
                        + "'; known keys are " + String.join(", ", new TreeSet<>(keys)));
            }
        }
    }

    /** The error for a value of the wrong type: {@code key: expected …, found …} at the value's line. */
    public BuildException wrong(String key, YamlTree.Value v, String expected) {
        return BuildException.at(shown, v.line(), key + ": expected " + expected + ", found " + v.typeName());
    }
}
