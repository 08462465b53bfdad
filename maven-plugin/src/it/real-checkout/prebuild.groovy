// The project is a git checkout of its own (git's own marker folder cannot be committed inside another repository).
new File(basedir, '.git').mkdirs()
return true
