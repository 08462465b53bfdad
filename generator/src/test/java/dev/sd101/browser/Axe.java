package dev.sd101.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** axe-core (from the test's npm dependencies) run on the current page: its serious and critical violations. */
final class Axe {
    private static final Path SCRIPT = Path.of("src/test/js-deps/node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    /** axe-core's source; skips the calling test where it is not installed, except on CI, where that fails. */
    static String source() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            String message = "axe-core is not installed (run: npm ci --prefix generator/src/test/js-deps)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + message);
            }
            Assumptions.abort("accessibility check skipped: " + message);
        }
        return Files.readString(SCRIPT);
    }

    /** The serious and critical violations on the driver's current page, each prefixed with {@code where}. */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver driver, String source, String where) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' — '"
                + "      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) result) {
            out.add(where + ": " + o);
        }
        return out;
    }
}
