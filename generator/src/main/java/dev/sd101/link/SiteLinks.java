package dev.sd101.link;

import dev.sd101.web.UrlPaths;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Absolute links to the published site itself: with {@code siteUrl} {@code https://example.com/}, the link
 * {@code https://example.com/guides/x} is the local page {@code guides/x/}. The scheme ({@code http} or
 * {@code https}) and the host's case do not matter; {@code index.html} and a missing final {@code /} are
 * tolerated. A path with a file extension is an asset of the live site and is left alone.
 */
final class SiteLinks {
    private final String hostAndPath;
    private final String siteUrl;
    private final Map<String, String> pages;

    SiteLinks(String siteUrl, Map<String, String> pages) {
        this.siteUrl = siteUrl;
        this.hostAndPath = siteUrl.replaceFirst("(?i)^https?://", "").toLowerCase(Locale.ROOT);
        this.pages = new TreeMap<>(pages);
    }

    String documentOf(String pagePath) {
        return pages.getOrDefault(pagePath, "");
    }

    /** The site page an absolute URL names, or {@code null} when it is not under the site URL. */
    Target resolve(String url) {
        String rest = url.replaceFirst("(?i)^https?://", "");
        if (rest.length() == url.length()) {
            return null;
        }
        String base = hostAndPath.substring(0, hostAndPath.length() - 1);
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith(hostAndPath)) {
            rest = rest.substring(hostAndPath.length());
        } else if (lower.equals(base) || lower.startsWith(base + "#") || lower.startsWith(base + "?")) {
            rest = rest.substring(base.length());
        } else {
            return null;
        }
        int hash = rest.indexOf('#');
        String fragmentPart = hash < 0 ? "" : rest.substring(hash + 1);
        String pathPart = hash < 0 ? rest : rest.substring(0, hash);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Optional<String> path = UrlPaths.percentDecode(pathPart);
        Optional<String> fragment = UrlPaths.percentDecode(fragmentPart);
        if (path.isEmpty() || fragment.isEmpty()) {
            return new Target.Undecodable(rest);
        }
        String p = path.get();
        if (p.endsWith("index.html")) {
            p = p.substring(0, p.length() - "index.html".length());
        }
        if (!p.endsWith("/") && p.substring(p.lastIndexOf('/') + 1).contains(".")) {
            return null; // a file of the live site (an image, a PDF): not ours to check
        }
        if (!p.isEmpty() && !p.endsWith("/")) {
            p = p + "/";
        }
        if (pages.containsKey(p)) {
            return new Target.SitePage(url, p, fragment.get(), null);
        }
        String nearest = nearest(p);
        String suggestion = nearest == null ? null
                : siteUrl + (pathPart.endsWith("/") || nearest.isEmpty() ? nearest : nearest.substring(0, nearest.length() - 1));
        return new Target.SitePage(url, null, fragment.get(), suggestion);
    }

    /** The page path closest to {@code path} by edit distance, preferring pages in the same folder. */
    private String nearest(String path) {
        String folder = path.length() > 1 ? path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1) : "";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : pages.keySet()) {
            int d = distance(path, candidate) + (candidate.startsWith(folder) ? 0 : 1000);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null || bestDistance >= 1000 ? null : best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
