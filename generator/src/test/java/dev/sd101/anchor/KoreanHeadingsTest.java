package dev.sd101.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Korean headings. The upstream Korean README's hand-written table of contents was made against
 * github.com's rendering, so each TOC link that equals one of our heading ids is a GitHub-produced id we
 * reproduce. The README data (../shared/sd101, CC BY-NC-ND) is read in place at test time and never
 * copied into this repository; the test is skipped when it is absent.
 */
class KoreanHeadingsTest {
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern CLOSING = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
    private static final Pattern TOC_LINK = Pattern.compile("^\\s*- \\[(.*)\\]\\(#([^)]*)\\)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** Examples from docs FACTS.md ("GitHub heading ids"), observed on github.com. */
    static Stream<Arguments> factsExamples() {
        return Stream.of(
                Arguments.of("gRPC는 어떻게 작동하나요?", "grpc는-어떻게-작동하나요"),
                Arguments.of("CI/CD 파이프라인", "cicd-파이프라인"),
                Arguments.of("이커머스 & 결제", "이커머스--결제"),
                Arguments.of("\u26A0\uFE0F Warning", "\uFE0F-warning"),
                Arguments.of("heading with a - dash", "heading-with-a---dash"),
                Arguments.of("I ♥ unicode", "i--unicode"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("factsExamples")
    void factsExample(String heading, String id) {
        assertEquals(id, GitHubSlugger.slug(heading));
    }

    record Heading(int line, String text, String id) {
    }

    record TocLink(int line, String text, String anchor) {
    }

    static Path shared(String relative) {
        String dir = System.getProperty("sd101.shared");
        Assumptions.assumeTrue(dir != null, "system property sd101.shared is not set (surefire sets it to <repo>/../shared/sd101)");
        Path p = Path.of(dir, relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared test data not found: " + p + " (skipping)");
        return p;
    }

    /** ATX headings outside fenced code, in document order, with ids from one UniqueIds. */
    static List<Heading> headings(List<String> lines) {
        UniqueIds ids = new UniqueIds();
        List<Heading> out = new ArrayList<>();
        String fence = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.find()) {
                fence = f.group(1);
                continue;
            }
            if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            Matcher m = ATX.matcher(line);
            if (m.matches()) {
                String text = m.group(2) == null ? "" : CLOSING.matcher(m.group(2)).replaceFirst("").strip();
                out.add(new Heading(n + 1, text, ids.next(text)));
            }
        }
        return out;
    }

    static List<TocLink> tocLinks(List<String> lines) {
        List<TocLink> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Matcher m = TOC_LINK.matcher(lines.get(n));
            if (m.matches()) {
                out.add(new TocLink(n + 1, m.group(1), m.group(2)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README-ko.seed.md", "upstream/translations/README-kr.md"})
    void tocLinksMatchOurIdsExceptThreeKnownOnes(String file) throws IOException {
        List<String> lines = Files.readAllLines(shared(file), StandardCharsets.UTF_8);
        List<Heading> headings = headings(lines);
        List<TocLink> toc = tocLinks(lines);
        assertEquals(83, headings.size(), "ATX headings in " + file);
        assertEquals(headings.size(), headings.stream().map(Heading::id).distinct().count(), "ids are unique");
        assertEquals(80, toc.size(), "TOC links (lines 25-109)");
        assertTrue(toc.stream().allMatch(t -> t.line() >= 25 && t.line() <= 109), "TOC sits in lines 25-109");

        var idSet = headings.stream().map(Heading::id).collect(java.util.stream.Collectors.toSet());
        Map<Integer, String> mismatches = new LinkedHashMap<>();
        int exact = 0;
        for (TocLink t : toc) {
            if (idSet.contains(t.anchor())) {
                exact++;
            } else {
                mismatches.put(t.line(), t.anchor());
            }
        }
        assertEquals(Map.of(
                        46, "mvc-mvp-mvvm-mvvm-c-and-viper",
                        51, "데이터베이스에서-SQL-문은-어떻게-실행되나요",
                        54, "SQL-쿼리-시각화"),
                mismatches, "TOC links that are not exactly one of our heading ids");
        assertEquals(toc.size() - 3, exact);

        // Two of the three are GitHub-compatible only through github.com's lowercase fallback ...
        assertTrue(idSet.contains(mismatches.get(51).toLowerCase(Locale.ROOT)));
        assertTrue(idSet.contains(mismatches.get(54).toLowerCase(Locale.ROOT)));
        // ... and one was written for a heading text the README no longer has ("..., VIPER" has no "and").
        assertFalse(idSet.contains(mismatches.get(46)));
        assertFalse(idSet.contains(mismatches.get(46).toLowerCase(Locale.ROOT)));
        assertTrue(idSet.contains("mvc-mvp-mvvm-mvvm-c-viper"));
    }

    @Test
    void seedHeadingsSpotChecks() throws IOException {
        List<Heading> headings = headings(Files.readAllLines(shared("README-ko.seed.md"), StandardCharsets.UTF_8));
        Map<String, String> byText = new LinkedHashMap<>();
        headings.forEach(h -> byText.putIfAbsent(h.text(), h.id()));
        // Heading texts are ATX content without the surrounding whitespace ("###  CAP 정리").
        assertEquals("cap-정리", byText.get("CAP 정리"));
        assertEquals("url-uri-urn---차이를-알고-있나요", byText.get("URL, URI, URN - 차이를-알고-있나요?"));
        assertEquals("왜-nginx를-reverse-프록시라고-부르나요", byText.get("왜 Nginx를 \"reverse\" 프록시라고 부르나요?"));
        assertEquals("http-10---http-11---http-20---http-30-quic", byText.get("HTTP 1.0 -> HTTP 1.1 -> HTTP 2.0 -> HTTP 3.0 (QUIC)"));
    }
}
