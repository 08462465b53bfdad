package dev.sd101.search;

import java.util.List;

/**
 * One search document: a page's title section (its title heading plus the intro text before the first
 * sub-heading) or one sub-heading's section.
 *
 * @param url        page URL plus {@code #id} of the section heading (no fragment when the heading has no id)
 * @param title      the page title
 * @param heading    the sub-heading text, or {@code ""} for the title section
 * @param breadcrumb the page's ancestor titles
 * @param body       the section's plain text
 * @param keywords   the page's tags and categories, on its title section only (so a tag finds the page, not each section)
 */
record Section(String url, String title, String heading, List<String> breadcrumb, String body, List<String> keywords) {
    Section(String url, String title, String heading, List<String> breadcrumb, String body) {
        this(url, title, heading, breadcrumb, body, List.of());
    }
}
