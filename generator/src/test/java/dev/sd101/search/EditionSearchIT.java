package dev.sd101.search;

import dev.sd101.engine.UpstreamEditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search on the upstream editions (the shared data set), through the real browser engine as {@link EditionSearchTest}. */
class EditionSearchIT {
    /**
     * The upstream English README and the Korean edition as one site (the shared data; skipped without it): the
     * public Korean query set on the Korean edition, an English set written from the English README's content on the
     * English edition, each within the first query's download budget.
     */
    @Test
    void upstreamEditionsFindTheirOwnArticles(@TempDir Path tmp) throws Exception {
        Path shared = ReadmeKoPages.shared();
        NodeRunner.node();
        Path out = UpstreamEditions.generate(shared, ReadmeKoPages.repo(), tmp);
        Path en = EditionSearchTest.queries(tmp, "en-queries", EN_QUERIES);
        EditionSearchTest.Scores ko = EditionSearchTest.run(out, shared.resolve("search-queries.tsv"));
        EditionSearchTest.Scores english = EditionSearchTest.run(out.resolve("en"), en);
        System.out.println("editions search: ko recall@1 " + ko.r1() + " recall@5 " + ko.r5() + " first query " + ko.firstQueryGzip()
                + " B gzip; en recall@1 " + english.r1() + " recall@5 " + english.r5() + " first query " + english.firstQueryGzip() + " B gzip");
        assertEquals(1.0, ko.r5(), "Korean edition recall@5");
        assertTrue(english.r5() >= 0.9, "English edition recall@5 " + english.r5());
        assertTrue(ko.firstQueryGzip() <= EditionSearchTest.FIRST_QUERY_BUDGET, "ko first query " + ko.firstQueryGzip());
        assertTrue(english.firstQueryGzip() <= EditionSearchTest.FIRST_QUERY_BUDGET, "en first query " + english.firstQueryGzip());
    }

    /** Queries a reader of the English README would type, each with the GitHub ids of the articles that answer it. */
    static final List<String> EN_QUERIES = List.of(
            "grpc\thow-does-grpc-work",
            "webhook\twhat-is-a-webhook",
            "improve api performance\thow-to-improve-api-performance",
            "http status codes\thttp-status-codes",
            "api gateway\twhat-does-api-gateway-do",
            "reverse proxy\twhy-is-nginx-called-a-reverse-proxy",
            "load balancing algorithms\twhat-are-the-common-load-balancing-algorithms",
            "design patterns\t18-key-design-patterns-every-developer-should-know",
            "cap theorem\tcap-theorem",
            "why is redis fast\twhy-is-redis-so-fast",
            "caching strategies\ttop-caching-strategies",
            "kafka\twhy-is-kafka-fast",
            "kubernetes\twhat-is-k8s-kubernetes,docker-vs-kubernetes-which-one-should-we-use",
            "git rebase\tgit-merge-vs-git-rebase",
            "https\thow-does-https-work",
            "store passwords\thow-to-store-passwords-safely-in-the-database-and-how-to-validate-a-password",
            "jwt\texplaining-json-web-token-jwt-to-a-10-year-old-kid,session-cookie-jwt-token-sso-and-oauth-20---what-are-they",
            "docker\thow-does-docker-work,docker-vs-kubernetes-which-one-should-we-use",
            "credit card swipe\thow-does-visa-work-when-we-swipe-a-credit-card-at-a-merchants-shop",
            "live streaming\thow-do-video-live-streamings-work-on-youtube-tiktok-live-or-twitch");
}
