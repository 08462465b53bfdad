package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SectionerTest {
    private final Sectioner sectioner = new Sectioner();

    @Test
    void splitsAtSubHeadingsWithIdsAndKeepsTheIntroWithTheTitle() {
        String html = """
                <p>before</p>
                <h3 id="redis는-왜-빠른가요">Redis는 왜 빠른가요?</h3>
                <p>intro <b>text</b></p>
                <h4 id="ram">RAM</h4><p>memory</p>
                <h4>no id</h4><p>still ram</p>
                <h2 id="io">IO <code>epoll</code></h2><ul><li>one</li><li>two</li></ul>
                """;
        List<Section> sections = sectioner.split(new SearchPage("redis/", "Redis는 왜 빠른가요?", List.of("캐시"), html));
        assertEquals(List.of(
                new Section("redis/#redis는-왜-빠른가요", "Redis는 왜 빠른가요?", "", List.of("캐시"), "before intro text"),
                new Section("redis/#ram", "Redis는 왜 빠른가요?", "RAM", List.of("캐시"), "memory no id still ram"),
                new Section("redis/#io", "Redis는 왜 빠른가요?", "IO epoll", List.of("캐시"), "one two")), sections);
    }

    @Test
    void scriptContentIsNotText() {
        List<Section> sections = sectioner.split(new SearchPage("", "Home", List.of(),
                "<h1 id=\"home\">Home</h1><script>alert('x')</script><p>&lt;script&gt; is text</p>"));
        assertEquals("<script> is text", sections.get(0).body());
    }

    @Test
    void navigationIsNotIndexed() {
        List<Section> sections = sectioner.split(new SearchPage("", "Home", List.of(),
                "<h1 id=\"home\">Home</h1><nav><ul><li><a href=\"#a\">Redis</a></li></ul></nav><p>Welcome</p>"));
        assertEquals("Welcome", sections.get(0).body());
    }

    @Test
    void anAlertIsItsTitleAndTextAndAFootnoteHasNoArrows() {
        List<Section> sections = sectioner.split(new SearchPage("", "Home", List.of(),
                "<h1 id=\"home\">Home</h1><div class=\"markdown-alert markdown-alert-note\" dir=\"auto\"><p class=\"markdown-alert-title\" dir=\"auto\">"
                        + "<svg class=\"octicon octicon-info mr-2\" viewBox=\"0 0 16 16\"><title>info</title><path d=\"M0 8a8\"></path></svg>Note</p>"
                        + "<p>Useful</p></div><section class=\"footnotes\"><ol><li id=\"fn-1\"><p>Cited. <a href=\"#fnref-1\" "
                        + "class=\"footnote-backref\">↩</a></p></li></ol></section>"));
        assertEquals("Note Useful Cited.", sections.get(0).body());
    }

    @Test
    void aPageWithoutHeadingsIsOneSectionWithoutFragment() {
        List<Section> sections = sectioner.split(new SearchPage("about/", "About", List.of(), "<p>Hello</p>"));
        assertEquals(List.of(new Section("about/", "About", "", List.of(), "Hello")), sections);
    }
}
