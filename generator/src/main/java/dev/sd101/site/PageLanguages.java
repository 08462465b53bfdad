package dev.sd101.site;

import dev.sd101.Problem;
import dev.sd101.SiteConfig;
import dev.sd101.markdown.Document;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of each document's pages: its front matter {@code lang}, else the {@code languages} entry of the
 * nearest folder in the site config, else, when the text is mostly in a script that the site's language is not
 * written in, the language of that script (Hangul: {@code ko}; kana: {@code ja}; Han without kana: {@code zh}),
 * with a note naming the file so that the writer can confirm it. A page's language sets its {@code <html lang>},
 * and with it the theme's line breaking ({@code word-break: keep-all} for Korean) and the search analysis.
 */
final class PageLanguages {
    /** A script counts as "mostly" when more than this share of a text's words are written in it. */
    private static final double MOSTLY = 0.5;

    private final SiteConfig config;
    private final PlanMemo memo;

    PageLanguages(SiteConfig config, PlanMemo memo) {
        this.config = config;
        this.memo = memo;
    }

    /** A document's language when it is not the site's, and the note of a detection ({@code null} without). */
    record Decision(String lang, Problem note) {
    }

    Decision decide(Document doc) {
        String own = doc.source().frontMatter().lang();
        if (own != null) {
            return new Decision(own, null);
        }
        String folder = folderLanguage(doc.source().file());
        if (folder != null) {
            return new Decision(folder, null);
        }
        String detected = memo == null ? detect(doc.source().markdown()) : memo.detected(doc.source(), PageLanguages::detect);
        if (detected == null || primary(detected).equals(primary(config.language()))) {
            return new Decision(config.language(), null);
        }
        return new Decision(detected, Problem.note(doc.source().displayPath(), 1, 0, "written mostly in "
                + scriptName(detected) + ", so its pages are marked lang=\"" + detected + "\" (the site's language is "
                + config.language() + "); set lang in its front matter, or languages in the site config, to choose"));
    }

    private String folderLanguage(Path file) {
        if (config.languages().isEmpty()) {
            return null;
        }
        Path base = config.contentBase();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return null;
        }
        String relative = base.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : config.languages().entrySet()) {
            if (relative.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    /**
     * The language of the script most of a text's words are written in, or {@code null} when that is no script
     * of a single language (Latin, Cyrillic…) or the text has no words. Words, not letters: a Hangul syllable
     * holds a whole sound cluster, an English word many letters, and README-ko's English terms would otherwise
     * outweigh its Korean.
     */
    static String detect(String text) {
        int[] words = new int[Script.values().length];
        int total = 0;
        Script previous = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Script s = Character.isLetter(cp) ? Script.of(cp) : null;
            if (s != null && s != previous) {
                words[s.ordinal()]++;
                total++;
            }
            previous = s;
        }
        if (total == 0) {
            return null;
        }
        int hangul = words[Script.HANGUL.ordinal()];
        int kana = words[Script.KANA.ordinal()];
        int han = words[Script.HAN.ordinal()];
        if (hangul > total * MOSTLY) {
            return "ko";
        }
        if (kana > 0 && kana + han > total * MOSTLY) {
            return "ja";
        }
        if (han > total * MOSTLY && kana * 20 < han) {
            return "zh";
        }
        return null;
    }

    private enum Script {
        HANGUL, KANA, HAN, OTHER;

        static Script of(int cp) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return switch (s) {
                case HANGUL -> HANGUL;
                case HIRAGANA, KATAKANA -> KANA;
                case HAN -> HAN;
                default -> OTHER;
            };
        }
    }

    private static String scriptName(String lang) {
        return switch (lang) {
            case "ko" -> "Hangul";
            case "ja" -> "Japanese kana and kanji";
            default -> "Chinese characters";
        };
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** Decides every document, in path order; the notes go into {@code notes}, each decision into {@code decisions}. */
    Map<String, String> decideAll(List<Document> documents, List<Problem> notes, Map<String, Decision> decisions) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Document d : documents) {
            Decision decision = decide(d);
            decisions.put(d.source().path(), decision);
            if (!decision.lang().equals(config.language())) {
                out.put(d.source().path(), decision.lang());
            }
            if (decision.note() != null) {
                notes.add(decision.note());
            }
        }
        if (memo != null) {
            memo.commit();
        }
        return out;
    }
}
