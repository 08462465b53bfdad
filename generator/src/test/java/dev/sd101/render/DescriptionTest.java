package dev.sd101.render;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A page's meta description is its first real paragraph: badges, images and link-only lines are skipped. */
class DescriptionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', textBlock = """
            badge row then text         ~ <p><a href="x"><img src="b.svg" alt="build passing"></a> <a href="y"><img src="c.svg" alt="licence MIT"></a></p><p>A tool that turns Markdown into a site.</p> ~ A tool that turns Markdown into a site.
            link bar with brackets      ~ <p>【 <a href="a">👨🏻💻 YouTube</a> | <a href="b">📮 Newsletter</a> 】</p><p>시각 자료와 간단한 용어를 사용하여 복잡한 시스템을 설명합니다.</p> ~ 시각 자료와 간단한 용어를 사용하여 복잡한 시스템을 설명합니다.
            a banner image              ~ <p><img src="banner.png" alt="A very long alternative text for the banner"></p><p>Real words come second here.</p> ~ Real words come second here.
            links inside a sentence     ~ <p>Read the <a href="g">getting started guide</a> and then <a href="r">the reference</a>.</p> ~ Read the getting started guide and then the reference.
            link-only line with dots    ~ <p><a href="1">Home</a> · <a href="2">Documentation</a> · <a href="3">Changelog</a></p><p>Second paragraph is the one.</p> ~ Second paragraph is the one.
            too short first             ~ <p>Hi.</p><p>The second paragraph is long enough.</p> ~ The second paragraph is long enough.
            nothing real                ~ <p><a href="1">Only a link that is long enough</a></p> ~ ''
            """)
    void firstRealParagraph(String name, String html, String expected) {
        assertEquals(expected, BodyRenderer.description(Jsoup.parseBodyFragment(html)), name);
    }
}
