// A broken TOC link fails sd101:check; the log names file:line:column, the link and the likely fix, and
// (GITHUB_ACTIONS=true) carries a workflow annotation at the start of a line.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('README.md:5:3: error: #configuraton matches no heading; did you mean #configuration (line 15, "Configuration")?')
assert log =~ /(?m)^::error file=[^,\n]*README\.md,line=5,col=3::#configuraton matches no heading/
assert log.contains('BUILD FAILURE')
assert log.contains('sd101 check failed: 1 error(s)')
// check never writes the sources unless asked to.
assert new File(basedir, 'README.md').getText('UTF-8').contains('(#configuraton)')
return true
