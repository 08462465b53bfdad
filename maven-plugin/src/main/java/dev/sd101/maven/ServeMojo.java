package dev.sd101.maven;

import dev.sd101.BuildException;
import dev.sd101.Preview;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Builds the site, serves it on {@code http://127.0.0.1:<port>/} and rebuilds it on every change of the
 * content or the theme folder; open pages reload by themselves and show a build error, with its
 * {@code file:line}, until it is fixed. Runs until Ctrl+C.
 */
@Mojo(name = "serve", aggregator = true, requiresProject = false, threadSafe = true)
public class ServeMojo extends AbstractSd101Mojo {
    /** The port on 127.0.0.1 the site is served on; 0 picks a free one. */
    @Parameter(property = "sd101.port", defaultValue = "8000")
    int port;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sd101: skipped");
            return;
        }
        if (port < 0 || port > 65535) {
            throw badParameter("port", "must be 0..65535, not " + port, null);
        }
        SiteConfig config = withCache(config());
        Preview server;
        try {
            server = Sd101.serve(config, port, new PrintWriter(new LogWriter(), true));
        } catch (BuildException e) {
            throw failure(e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sd101-stop"));
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    /** Sends the server's lines to Maven's log, one log line per printed line. */
    private final class LogWriter extends Writer {
        private final StringWriter line = new StringWriter();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (cbuf[i] == '\n') {
                    getLog().info(line.toString());
                    line.getBuffer().setLength(0);
                } else if (cbuf[i] != '\r') {
                    line.write(cbuf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
