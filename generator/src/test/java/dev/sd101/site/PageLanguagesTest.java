package dev.sd101.site;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.Severity;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's language: front matter lang, else the site config's folder setting, else its script, with a note. */
class PageLanguagesTest {
    private static final Sd101 ENGINE = new Sd101();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', nullValues = "none", textBlock = """
            Korean with English terms  ~ gRPC는 HTTP/2 위에서 동작하는 RPC 프레임워크로, 서비스 사이의 호출을 빠르게 만듭니다. ~ ko
            Japanese                   ~ キャッシュはデータベースへの読み取りを減らし、応答時間を短くします。 ~ ja
            Chinese                    ~ 缓存可以减少对数据库的读取，并缩短响应时间。 ~ zh
            English                    ~ A cache reduces reads from the database and shortens response times. ~ none
            English with a Korean word ~ The Korean word for cache is 캐시, and it is written in Hangul. ~ none
            no words                   ~ 123 456 --- *** ~ none
            """)
    void detectsTheScriptMostWordsAreWrittenIn(String name, String text, String expected) {
        assertEquals(expected, PageLanguages.detect(text), name);
    }

    @Test
    void readmeKoIsKorean() throws Exception {
        Path readme = Path.of(System.getProperty("sd101.repo", "..")).resolve("content/README-ko.md");
        assertEquals("ko", PageLanguages.detect(Files.readString(readme)), "README-ko: three quarters of its words are Hangul");
    }

    @Test
    void aKoreanPageInAnEnglishSiteIsMarkedKoreanWithANote(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        write(docs.resolve("README.md"), "# Handbook\n\nThe English home page of this site.\n");
        write(docs.resolve("설치.md"), "# 설치\n\n데이터베이스를 설치하고 서버를 시작합니다. 설정 파일은 저장소의 첫 폴더에 둡니다.\n");
        SiteBuild build = ENGINE.build(SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).language("en").build());
        Map<String, String> site = text(build);
        assertEquals("en", Jsoup.parse(site.get("index.html")).selectFirst("html").attr("lang"));
        assertEquals("ko", Jsoup.parse(site.get("설치/index.html")).selectFirst("html").attr("lang"));
        List<Problem> problems = build.result().problems();
        assertEquals(1, problems.size(), problems.toString());
        Problem note = problems.get(0);
        assertEquals(Severity.NOTE, note.severity());
        assertEquals(dev.sd101.content.ContentRoot.display(docs.resolve("설치.md")), note.path());
        assertEquals(1, note.line());
        assertTrue(note.format().contains(": note: written mostly in Hangul, so its pages are marked lang=\"ko\" (the site's language is en)"),
                note.format());
        // The Korean chain (Nori) analysed it: its noun "데이터베이스" (particle dropped) is an index term; Hangul
        // bigrams alone would give only two-syllable terms.
        assertTrue(searchTerms(build).contains("\"데이터베이스\""), "Nori's morpheme in the index");
    }

    @Test
    void aNoteNeverFailsAStrictBuild(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        write(docs.resolve("README.md"), "# Handbook\n\nThe English home page of this site.\n");
        write(docs.resolve("설치.md"), "# 설치\n\n서버를 설치하고 시작합니다.\n");
        BuildResult r = ENGINE.generate(SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).strict(true).search(false).build());
        assertTrue(r.written(), r.problems().toString());
        assertEquals(1, r.count(Severity.NOTE));
    }

    @Test
    void frontMatterBeatsTheFolderSettingWhichBeatsDetection(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        write(docs.resolve("README.md"), "# Handbook\n\nThe English home page of this site.\n");
        write(docs.resolve("sd101.yml"), "language: en\nlanguages:\n  ko: ko\n  ko/en-notes: en\n");
        write(docs.resolve("ko/README.md"), "# 한국어 안내\n\nEnglish words only here, but the folder is Korean.\n");
        write(docs.resolve("ko/en-notes/a.md"), "# 메모\n\n이 폴더의 문서는 설정에서 영어로 정했습니다.\n");
        write(docs.resolve("ko/ja.md"), "---\nlang: ja\n---\n# 日本語\n\n한국어 폴더 안의 일본어 문서입니다.\n");
        SiteBuild build = ENGINE.build(SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).search(false).build());
        Map<String, String> site = text(build);
        assertEquals("ko", lang(site.get("ko/index.html")), "the folder's setting");
        assertEquals("en", lang(site.get("ko/en-notes/a/index.html")), "the longest folder wins, detection does not override it");
        assertEquals("ja", lang(site.get("ko/ja/index.html")), "front matter wins");
        assertEquals(List.of(), build.result().problems(), "set languages are not announced");
    }

    @Test
    void aWrongLanguageSaysWhere(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        write(docs.resolve("README.md"), "---\ntitle: Home\nlang: korean language\n---\n# Home\n\nText.\n");
        BuildException e = assertThrows(BuildException.class,
                () -> ENGINE.build(SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).build()));
        assertEquals(dev.sd101.content.ContentRoot.display(docs.resolve("README.md"))
                + ":3: lang must be a BCP 47 tag such as ko or en-US, not 'korean language'", e.getMessage());
        write(docs.resolve("README.md"), "# Home\n\nText.\n");
        write(docs.resolve("sd101.yml"), "languages:\n  guide: 한국어\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(docs).build());
        assertEquals(dev.sd101.content.ContentRoot.display(docs.resolve("sd101.yml"))
                + ":2: languages.guide must be a BCP 47 tag such as ko or en-US, not '한국어'", e.getMessage());
    }

    private static String lang(String html) {
        assertTrue(html != null, "no such page");
        return Jsoup.parse(html).selectFirst("html").attr("lang");
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Map<String, String> text(SiteBuild build) {
        Map<String, String> out = new TreeMap<>();
        build.files().forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static String searchTerms(SiteBuild build) {
        StringBuilder b = new StringBuilder();
        build.files().forEach((k, v) -> {
            if (k.startsWith("search/terms/")) {
                b.append(new String(v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }
}
