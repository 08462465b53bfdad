// Both modules built their own site in a -T2 reactor, each with only its own content and settings.
// (Maven runs aggregator goals one at a time even with -T2 and says so in the log; the engine's own
// two-builds-at-once test is ConcurrencyTest.)
def read = { String m, String p -> new File(basedir, m + '/site/' + p).getText('UTF-8') }
['alpha', 'beta'].each { m ->
    assert new File(basedir, m + '/site/.sd101').isFile()
    assert new File(basedir, m + '/site/index.html').isFile()
    assert new File(basedir, m + '/site/search/meta.json').isFile()
    assert basedir.listFiles().findAll { it.name.startsWith('.site.sd101-') }.isEmpty()
    assert new File(basedir, m).listFiles().findAll { it.name.startsWith('.site.sd101-') }.isEmpty()
}
def alpha = read('alpha', 'index.html')
def beta = read('beta', 'index.html')
assert alpha.contains('<html lang="ko"')
assert alpha.contains('<title>알파 문서</title>')
assert !alpha.contains('Beta') && !alpha.contains('beta')
assert beta.contains('<html lang="en"')
assert beta.contains('<title>Beta Handbook</title>')
assert !beta.contains('알파')
assert read('alpha', 'grpc는-어떻게-작동하나요/index.html').contains('href="../캐시-전략/#캐시-전략"')
assert read('beta', 'how-does-grpc-work/index.html').contains('href="../caching-strategies/#caching-strategies"')
assert read('alpha', 'sitemap.xml').contains('https://example.org/alpha/') && !read('alpha', 'sitemap.xml').contains('/beta/')
assert read('beta', 'sitemap.xml').contains('https://example.org/beta/') && !read('beta', 'sitemap.xml').contains('/alpha/')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('thread count of 2')
assert log.count('sd101: 4 pages') == 2
return true
