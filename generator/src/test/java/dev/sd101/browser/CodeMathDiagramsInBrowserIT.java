package dev.sd101.browser;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitHub's extras drawn in headless Chromium: Mermaid diagrams (in both themes), math, syntax colours and the copy
 * button, on the golden fixture {@code extras} (a page with all of them and a plain page), served over http as a
 * project site is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeMathDiagramsInBrowserIT {
    private static final Path TARGET = Path.of("target");
    private static final Path SHOTS = TARGET.resolve("screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private StaticServer server;
    private ChromeDriver driver;
    private Path site;

    @BeforeAll
    void buildAndStart() throws IOException {
        Path input = Path.of("src/test/resources/golden/extras/input").toAbsolutePath();
        site = TARGET.resolve("code-math-diagrams-site").toAbsolutePath();
        BuildResult r = new Sd101().generate(SiteConfig.builder(input).contentRoot(input).outputDirectory(site)
                .language("en").search(false).build());
        assertTrue(r.written());
        server = new StaticServer("/docs/", site, Map.of());
        driver = Browser.start(TARGET.resolve("browser-profile-code-math-" + ProcessHandle.current().pid()));
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.origin(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        Browser.stop(driver, server);
    }

    @BeforeEach
    void lightTheme() {
        driver.get(server.base() + "plain/");
        js("localStorage.setItem('sd101-theme', 'light')");
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests left
        server.clearMisses();
    }

    @Test
    void mermaidBlockBecomesAnSvgInLightAndAgainAfterSwitchingToDark() {
        driver.get(server.base());
        WebElement figure = waitFor(".mermaid-diagram[data-theme='light'] svg");
        assertTrue(figure.getText().contains("Write Markdown"), "the diagram's labels: " + figure.getText());
        assertEquals(Boolean.TRUE, js("return document.querySelector('pre > code.language-mermaid').parentElement.hidden"),
                "the source is hidden once drawn");
        String light = (String) js("return document.querySelector('.mermaid-diagram svg').outerHTML");
        js("document.getElementById('math').scrollIntoView()");
        shot("extras-light");
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        waitFor(".mermaid-diagram[data-theme='dark'] svg");
        String dark = (String) js("return document.querySelector('.mermaid-diagram svg').outerHTML");
        assertNotEquals(light, dark, "drawn again in the dark theme's colours");
        assertEquals(1L, js("return document.querySelectorAll('.mermaid-diagram svg').length"));
        shot("extras-dark");
        printLoaded("a flowchart", "/vendor/mermaid/");
        noErrors();
    }

    @Test
    void aDiagramWithAnErrorKeepsItsSourceShown() {
        driver.get(server.base() + "diagram-error/");
        WebElement pre = new WebDriverWait(driver, WAIT).until(d -> {
            WebElement p = d.findElement(By.cssSelector("pre:has(> code.language-mermaid)"));
            return p.getAttribute("title") == null || p.getAttribute("title").isEmpty() ? null : p;
        });
        assertTrue(pre.isDisplayed(), "the source is shown");
        assertTrue(pre.getText().contains("A -->"), pre.getText());
        assertEquals(0L, js("return document.querySelectorAll('.mermaid-diagram, body > [id^=dsd101-mermaid], body > svg').length"),
                "no diagram and no stray error drawing");
    }

    @Test
    void mathTypesetsWithNoTeXLeftAsText() {
        driver.get(server.base());
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('.math.math-typeset .katex').length === 4")));
        assertEquals(0L, js("return document.querySelectorAll('.math:not(.math-typeset), code.language-math').length"));
        // KaTeX keeps the TeX as the MathML annotation: each expression is the one written.
        assertEquals(List.of("\\pi r^2", "\\sqrt{\\$4}", "e^{i\\pi} + 1 = 0"), js(
                "return Array.from(document.querySelectorAll('.math annotation')).slice(0, 3).map(a => a.textContent)"));
        // What a reader sees (the HTML rendering, not the MathML twin) holds no delimiter and no TeX command.
        String shown = (String) js("var p = document.querySelector('#math').nextElementSibling.cloneNode(true);"
                + "p.querySelectorAll('.katex-mathml').forEach(m => m.remove()); return p.textContent;");
        assertFalse(shown.contains("\\"), shown);
        assertTrue(shown.contains("$20 and $30 are prices"), "prices stay text: " + shown);
        assertEquals(2L, js("return document.querySelectorAll('.katex-display').length"), "$$ and ```math are displayed");
        noErrors();
    }

    @Test
    void copyButtonIsKeyboardReachableCopiesTheCodeAndSaysCopied() {
        driver.get(server.base());
        waitFor(".code-block .copy-button");
        assertEquals(5L, js("return document.querySelectorAll('.code-block > button.copy-button').length"),
                "one button per code block, none on the diagram or the math block");
        // Tab from the heading before the first block reaches its button.
        js("var h = document.getElementById('code'); h.setAttribute('tabindex', '-1'); h.focus();");
        WebElement button = null;
        for (int i = 0; i < 5 && button == null; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (active.getAttribute("class").contains("copy-button")) {
                button = active;
            }
        }
        assertTrue(button != null, "a copy button is reached with Tab");
        assertEquals("Copy code", button.getAttribute("aria-label"));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement status = driver.findElement(By.cssSelector(".code-block .copy-status"));
        new WebDriverWait(driver, WAIT).until(d -> "Copied".equals(js("return arguments[0].textContent", status)));
        assertTrue(button.getAttribute("class").contains("copied"), "the button shows it too");
        assertEquals("polite", status.getAttribute("aria-live"));
        Object copied = driver.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); });");
        assertEquals("// add two numbers\nfunction add(a, b) {\n  return a + b; // \"sum\"\n}\n", copied);
        assertEquals("none", printDisplay(), "hidden in print");
        noErrors();
    }

    @Test
    void copyWorksWithoutTheClipboardApiAsOnPlainHttpElsewhereThanLocalhost() {
        driver.get(server.base());
        waitFor(".code-block .copy-button");
        // Outside a secure context browsers have no navigator.clipboard: the copy command takes over.
        js("window.__clipboard = navigator.clipboard;"
                + "Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });"
                + "var exec = document.execCommand.bind(document);"
                + "document.execCommand = function (c) { window.__command = c; return exec(c); };");
        WebElement button = driver.findElements(By.cssSelector(".code-block .copy-button")).get(1);
        new Actions(driver).moveToElement(button).click().perform();
        new WebDriverWait(driver, WAIT).until(d -> button.getAttribute("class").contains("copied"));
        Object copied = driver.executeAsyncScript("var done = arguments[0];"
                + "window.__clipboard.readText().then(done, function (e) { done('error: ' + e); });");
        assertEquals("echo \"$HOME\" | tr a-z A-Z\n", copied);
        assertEquals("copy", js("return window.__command"), "copied by the copy command");
        assertEquals(0L, js("return document.querySelectorAll('textarea').length"), "the helper text area is gone");
        noErrors();
    }

    /** The copy button's display when the page is printed (Chromium's print media emulation). */
    private String printDisplay() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            return (String) js("return getComputedStyle(document.querySelector('.copy-button')).display");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void highlightedCodeHasGitHubsColoursInBothThemes() {
        driver.get(server.base());
        waitFor("code.language-dockerfile[data-highlighted='dockerfile']");
        assertEquals("javascript", js("return document.querySelector('code.language-js').dataset.highlighted"),
                "GitHub's js is highlight.js's javascript");
        assertEquals("bash", js("return document.querySelector('code.language-shell').dataset.highlighted"),
                "GitHub's shell is a script, not a console session");
        assertEquals(0L, js("return document.querySelectorAll('code.language-no-such-language .hljs-keyword,"
                + " code.language-no-such-language.hljs, pre > code:not([class]) span').length"), "unknown and unnamed stay plain");
        assertEquals("rgb(207, 34, 46)", keywordColour(), "GitHub light's keyword colour");
        assertEquals("rgb(102, 57, 186)", js("return getComputedStyle(document.querySelector('code.language-js .hljs-title')).color"),
                "GitHub light's entity colour, on the function's name");
        assertEquals("rgb(89, 99, 110)", js("return getComputedStyle(document.querySelector('code.language-js .hljs-comment')).color"));
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertEquals("rgb(255, 123, 114)", keywordColour(), "GitHub dark's keyword colour");
        noErrors();
    }

    private Object keywordColour() {
        return js("return getComputedStyle(document.querySelector('code.language-js .hljs-keyword')).color");
    }

    @Test
    void axeFindsNoSeriousAccessibilityProblemsInEitherTheme() throws IOException {
        String source = Axe.source();
        List<String> problems = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            driver.get(server.base());
            js("localStorage.setItem('sd101-theme', arguments[0])", theme);
            driver.navigate().refresh();
            waitFor(".mermaid-diagram[data-theme='" + theme + "'] svg");
            waitFor("code.language-dockerfile[data-highlighted]");
            problems.addAll(Axe.violations(driver, source, theme));
        }
        assertEquals(List.of(), problems, "serious or critical axe-core violations");
    }

    @Test
    void aPlainPageRequestsNoneOfTheScripts() {
        driver.get(server.base() + "plain/");
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(js("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertFalse(requested.isEmpty(), "the page's own assets are listed");
        List<String> extra = new ArrayList<>();
        for (String url : requested) {
            if (url.contains("/vendor/") || url.matches(".*/assets/(code|math|mermaid)\\.(js|css)$")) {
                extra.add(url);
            }
        }
        assertEquals(List.of(), extra);
        assertEquals(0L, js("return document.querySelectorAll('.copy-button, .katex, .mermaid-diagram').length"));
        noErrors();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** Prints how many files under {@code part} the page fetched, and their size raw and gzipped. */
    private void printLoaded(String what, String part) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        long raw = 0;
        long gz = 0;
        int files = 0;
        for (String url : urls) {
            int at = url.indexOf(part);
            if (at >= 0) {
                try {
                    byte[] bytes = Files.readAllBytes(site.resolve(url.substring(url.indexOf("/assets/") + 1)));
                    raw += bytes.length;
                    gz += dev.sd101.SiteFiles.gzipSize(bytes);
                    files++;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        System.out.printf("assets: a page with %s fetched %d files of %s: %d KB, %d KB gzip%n", what, files, part,
                raw / 1024, gz / 1024);
    }

    private WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void noErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console");
        assertEquals(List.of(), server.misses(), "requests for missing files");
    }

    private void shot(String name) {
        js("return document.fonts.ready");
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
