package dev.sd101.engine;

import dev.sd101.Problem;
import dev.sd101.content.ContentRoot;
import dev.sd101.link.LinkResolver;
import dev.sd101.site.SiteModel;

import java.util.List;

/** What load → parse → plan → link produce: the site's pages, how its links resolve, and the content's problems. */
record Planned(ContentRoot root, SiteModel site, LinkResolver resolver, List<Problem> problems) {
}
