// An error in sd101.yml reaches the user as the first error line, file:line first, without Maven's
// "Execution … of goal … failed" wrapping (which a runtime exception gets) and without needing -e.
def log = new File(basedir, 'build.log').getText('UTF-8')
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }
assert errors[0] == '[ERROR] docs/sd101.yml:1: invalid YAML: the quoted scalar that starts here (column 8) is never closed; at line 4: found unexpected end of stream'
assert !log.contains('Execution site of goal')
assert log =~ /Failed to execute goal [^\n]*:generate \(site\) on project config-error: docs\/sd101\.yml:1: invalid YAML/
assert !new File(basedir, 'site').exists()
return true
