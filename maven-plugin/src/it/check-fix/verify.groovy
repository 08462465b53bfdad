// -Dsd101.fix=true rewrites the one link with an unambiguous fix, logs the change, and the check passes.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('README.md:5: #configuraton → #configuration')
assert log.contains('sd101 check: 1 link(s) rewritten')
assert log.contains('sd101 check: 0 error(s), 0 warning(s)')
assert log.contains('BUILD SUCCESS')
def text = new File(basedir, 'README.md').getText('UTF-8')
assert text.contains('- [Configuration](#configuration)\n')
assert !text.contains('#configuraton')
return true
