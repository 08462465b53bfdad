// A broken TOC link fails sd101:check, and the log names file:line:column and the link.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('README.md:5:3: error: #configuraton matches no heading')
assert log.contains('BUILD FAILURE')
assert log.contains('sd101 check failed: 1 error(s)')
return true
