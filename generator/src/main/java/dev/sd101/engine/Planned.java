package dev.sd101.engine;

import dev.sd101.Problem;
import dev.sd101.content.ContentRoot;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.LinkState;
import dev.sd101.site.SiteModel;

import java.util.List;

/**
 * What load → parse → plan → link produce: the site's pages, how its links resolve, and the content's problems.
 *
 * @param links the link stage's result as a build that keeps state for the next keeps it (which documents it
 *              resolved again), or {@code null} for a build that checks every link afresh
 */
record Planned(ContentRoot root, SiteModel site, LinkResolver resolver, List<Problem> problems, LinkState.Result links) {
}
