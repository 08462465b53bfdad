package dev.sd101.markdown;

import dev.sd101.content.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GitHub's math delimiters. The cases are the examples of GitHub's "Writing mathematical expressions" page and the
 * rule it states (an opening {@code $} followed by a non-space, a closing one preceded by a non-space and not
 * followed by a digit); the expected math is what that page shows typeset.
 */
class MathTest {
    private static final MarkdownParser PARSER = new MarkdownParser();

    private static String html(String markdown) {
        Path file = Path.of("/content/README.md").toAbsolutePath();
        // The parser's own-markup marker is the body renderer's to remove (it keeps those classes, and only those).
        return PARSER.render(PARSER.parse(new Source(file, "README.md", "README.md", markdown))).strip()
                .replace(" " + PARSER.ownMarkupAttribute() + "=\"\"", "");
    }

    private static String inline(String tex) {
        return "<code class=\"math math-inline\">" + tex + "</code>";
    }

    private static String display(String tex) {
        return "<code class=\"math math-display\">" + tex + "</code>";
    }

    @Test
    void dollarDelimitersInline() {
        assertEquals("<p>This sentence uses <code>$</code> delimiters to show math inline: "
                        + inline("\\sqrt{3x-1}+(1+x)^2") + "</p>",
                html("This sentence uses `$` delimiters to show math inline: $\\sqrt{3x-1}+(1+x)^2$"));
    }

    @Test
    void backtickDelimitersInline() {
        assertEquals("<p>This sentence uses " + inline("\\sqrt{3x-1}+(1+x)^2") + "</p>",
                html("This sentence uses $`\\sqrt{3x-1}+(1+x)^2`$"));
    }

    @Test
    void displayedWithDoubleDollars() {
        String tex = "\\left( \\sum_{k=1}^n a_k b_k \\right)^2 \\leq \\left( \\sum_{k=1}^n a_k^2 \\right) "
                + "\\left( \\sum_{k=1}^n b_k^2 \\right)";
        assertEquals("<p><strong>The Cauchy-Schwarz Inequality</strong>\n" + display(tex) + "</p>",
                html("**The Cauchy-Schwarz Inequality**\n$$" + tex + "$$"));
    }

    @Test
    void displayedOnLinesOfTheirOwn() {
        assertEquals("<p>" + display("x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}") + "</p>",
                html("$$\nx = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}\n$$"));
    }

    @Test
    void fencedMathStaysTheParsersCodeBlock() {
        assertEquals("<pre><code class=\"language-math\">\\left( \\sum_{k=1}^n a_k b_k \\right)^2\n</code></pre>",
                html("```math\n\\left( \\sum_{k=1}^n a_k b_k \\right)^2\n```"));
    }

    @Test
    void dollarSignInsideAnExpression() {
        // GitHub: "Within a math expression, add a \ symbol before the explicit $."
        assertEquals("<p>This expression uses <code>\\$</code> to display a dollar sign: " + inline("\\sqrt{\\$4}") + "</p>",
                html("This expression uses `\\$` to display a dollar sign: $`\\sqrt{\\$4}`$"));
        assertEquals("<p>" + inline("a\\$b") + "</p>", html("$a\\$b$"));
    }

    @Test
    void dollarSignBesideAnExpression() {
        // GitHub: "Outside a math expression, but on the same line, use span tags around the explicit $."
        assertEquals("<p>To split <span>$</span>100 in half, we calculate " + inline("100/2") + "</p>",
                html("To split <span>$</span>100 in half, we calculate $100/2$"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // the closing $ is followed by a digit, or preceded by a space: prices stay text
            "It costs $20,000 and $30,000.|<p>It costs $20,000 and $30,000.</p>",
            "$5 or $6|<p>$5 or $6</p>",
            "from $1$2|<p>from $1$2</p>",
            // the opening $ is followed by a space
            "a $ b$ c|<p>a $ b$ c</p>",
            "a $b $ c|<p>a $b $ c</p>",
            // an escaped $ is a dollar sign
            "\\$x$ and \\$y\\$|<p>$x$ and $y$</p>",
            // nothing between the delimiters
            "$$ $$ and $``$|<p>$$ $$ and $``$</p>",
            "a lone $|<p>a lone $</p>",
    })
    void notMath(String markdown, String expected) {
        assertEquals(expected, html(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // Markdown inside math is TeX: no emphasis, no code span, no escapes taken
            "$a*b*c$|<p>" + "<code class=\"math math-inline\">a*b*c</code></p>",
            "$x_1, x_2$ and $y_1$|<p><code class=\"math math-inline\">x_1, x_2</code> and <code class=\"math math-inline\">y_1</code></p>",
            "$\\{a\\}$|<p><code class=\"math math-inline\">\\{a\\}</code></p>",
            "$a<b$|<p><code class=\"math math-inline\">a&lt;b</code></p>",
            // the closing $ may be followed by punctuation
            "where $x$, $y$.|<p>where <code class=\"math math-inline\">x</code>, <code class=\"math math-inline\">y</code>.</p>",
            // after a code span, and in emphasis
            "`$x$` is $x$|<p><code>$x$</code> is <code class=\"math math-inline\">x</code></p>",
            "*see $x$*|<p><em>see <code class=\"math math-inline\">x</code></em></p>",
            "$$a$$b|<p><code class=\"math math-display\">a</code>b</p>",
    })
    void math(String markdown, String expected) {
        assertEquals(expected, html(markdown));
    }

    @Test
    void tableCellsHoldMath() {
        assertEquals("<table>\n<thead>\n<tr><th>f</th></tr>\n</thead>\n<tbody>\n<tr><td>"
                        + inline("x^2") + "</td></tr>\n</tbody>\n</table>",
                html("| f |\n|---|\n| $x^2$ |"));
    }
}
