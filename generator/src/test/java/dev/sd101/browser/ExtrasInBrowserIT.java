package dev.sd101.browser;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitHub's extras in headless Chromium: each alert shows its octicon in its colour, in the light and the dark
 * theme (github.com's Primer colours); task-list boxes are disabled and stay as written when clicked;
 * {@code <details>} opens on a click on its summary; a footnote reference goes to its note and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtrasInBrowserIT {
    private static final Path TARGET = Path.of("target");
    /** Primer's alert colours (github-markdown-css): light, then dark. */
    private static final Map<String, String[]> COLOURS = Map.of(
            "note", new String[] {"rgb(9, 105, 218)", "rgb(68, 147, 248)"},
            "tip", new String[] {"rgb(26, 127, 55)", "rgb(63, 185, 80)"},
            "important", new String[] {"rgb(130, 80, 223)", "rgb(171, 125, 248)"},
            "warning", new String[] {"rgb(154, 103, 0)", "rgb(210, 153, 34)"},
            "caution", new String[] {"rgb(209, 36, 47)", "rgb(248, 81, 73)"});

    StaticServer server;
    ChromeDriver driver;

    @BeforeAll
    void buildAndStart() throws IOException {
        Path docs = Files.createDirectories(TARGET.resolve("extras-content"));
        Files.writeString(docs.resolve("extras.md"), """
                # Extras

                > [!NOTE]
                > A note.

                > [!TIP]
                > A tip.

                > [!IMPORTANT]
                > Important.

                > [!WARNING]
                > A warning.

                > [!CAUTION]
                > Caution.

                - [ ] open task
                - [x] done task

                <details><summary>More</summary>

                The hidden part.

                </details>

                A claim[^1] :memo:.

                [^1]: Its source.
                """);
        Path site = TARGET.resolve("extras-site").toAbsolutePath();
        BuildResult r = new Sd101().generate(SiteConfig.builder(docs).contentRoot(docs).outputDirectory(site)
                .siteTitle("Extras").language("en").build());
        assertTrue(r.written(), r::toString);
        server = new StaticServer("/extras/", site, Map.of());
        driver = Browser.start(TARGET.resolve("extras-profile-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    void stop() {
        Browser.stop(driver, server);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void open(String theme) {
        driver.get(server.base());
        js("localStorage.setItem('sd101-theme', '" + theme + "')");
        driver.navigate().refresh();
        assertEquals(theme, js("return document.documentElement.dataset.theme"));
    }

    @Test
    void alertsShowTheirIconsInTheirColoursInBothThemes() {
        for (int theme = 0; theme < 2; theme++) {
            open(theme == 0 ? "light" : "dark");
            for (Map.Entry<String, String[]> kind : COLOURS.entrySet()) {
                WebElement alert = driver.findElement(By.cssSelector(".markdown-alert-" + kind.getKey()));
                WebElement icon = alert.findElement(By.cssSelector(".markdown-alert-title svg.octicon"));
                assertTrue(icon.isDisplayed(), kind.getKey());
                assertEquals(16L, js("return Math.round(document.querySelector('.markdown-alert-" + kind.getKey()
                        + " svg').getBoundingClientRect().width)"), kind.getKey() + " icon width");
                String expected = kind.getValue()[theme];
                assertEquals(expected, js("return getComputedStyle(document.querySelector('.markdown-alert-" + kind.getKey()
                        + " svg')).fill"), kind.getKey() + " icon colour");
                assertEquals(expected, js("return getComputedStyle(document.querySelector('.markdown-alert-" + kind.getKey()
                        + "')).borderLeftColor"), kind.getKey() + " border");
                assertEquals(expected, js("return getComputedStyle(document.querySelector('.markdown-alert-" + kind.getKey()
                        + " .markdown-alert-title')).color"), kind.getKey() + " title");
            }
        }
        js("localStorage.clear()");
    }

    @Test
    void axeFindsNoSeriousAccessibilityProblemsInEitherTheme() throws IOException {
        String source = Axe.source();
        List<String> problems = new java.util.ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            open(theme);
            problems.addAll(Axe.violations(driver, source, theme));
        }
        js("localStorage.clear()");
        assertEquals(List.of(), problems, "serious or critical axe-core violations");
    }

    @Test
    void taskListBoxesAreDisabled() {
        open("light");
        List<WebElement> boxes = driver.findElements(By.cssSelector("input.task-list-item-checkbox"));
        assertEquals(2, boxes.size());
        assertFalse(boxes.get(0).isEnabled());
        assertFalse(boxes.get(0).isSelected());
        assertTrue(boxes.get(1).isSelected());
        js("document.querySelectorAll('input.task-list-item-checkbox').forEach(b => b.click())");
        assertFalse(boxes.get(0).isSelected(), "a click changes nothing");
        assertTrue(boxes.get(1).isSelected());
        assertEquals("none", driver.findElement(By.cssSelector(".task-list-item")).getCssValue("list-style-type"));
    }

    @Test
    void detailsOpenOnAClick() {
        open("light");
        WebElement hidden = driver.findElement(By.xpath("//details/p"));
        assertFalse(hidden.isDisplayed());
        driver.findElement(By.cssSelector("details > summary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> hidden.isDisplayed());
        assertEquals(Boolean.TRUE, js("return document.querySelector('details').open"));
    }

    @Test
    void aFootnoteGoesToItsNoteAndBack() {
        open("light");
        assertTrue(driver.findElement(By.tagName("article")).getText().contains("\uD83D\uDCDD."), "the shortcode is an emoji");
        // As on github.com, a reference shows in brackets.
        assertEquals("\"[\"", js("return getComputedStyle(document.querySelector('sup.footnote-ref a'), '::before').content"));
        driver.findElement(By.cssSelector("sup.footnote-ref a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> "#fn-1".equals(js("return location.hash")));
        assertEquals("fn-1", js("return document.querySelector(':target').id"));
        driver.findElement(By.cssSelector("a.footnote-backref")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> "#fnref-1".equals(js("return location.hash")));
    }
}
