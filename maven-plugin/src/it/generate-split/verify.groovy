// The real plugin ran check and generate: assert the files and their contents, not only BUILD SUCCESS.
def site = new File(basedir, 'site')
def read = { String p -> new File(site, p).getText('UTF-8') }
assert new File(site, 'index.html').isFile()
assert new File(site, '.sd101').isFile()
def article = read('grpc는-어떻게-작동하나요/index.html')
// The article's title is its page's h1 (it was ### in the README); the id is GitHub's.
assert article.contains('<h1 id="grpc는-어떻게-작동하나요">')
assert article.contains('href="../캐시-전략/#캐시-전략"')
// Images keep their path in the repository (the content root by default), as GitHub shows them.
assert article.contains('src="../docs/img/a.svg"')
assert article.contains('<html lang="ko"')
assert new File(site, 'docs/img/a.svg').isFile()
def home = read('index.html')
assert home.contains('href="기초/#기초"')
assert home.contains('"cicd-파이프라인":"cicd-파이프라인/"')
assert read('기초/index.html').contains('href="../grpc는-어떻게-작동하나요/"')
assert read('sitemap.xml').contains('https://example.org/docs/')
// The analysis cache goes to target/ by default (mvn clean clears it), never into the site.
assert new File(basedir, 'target/sd101-cache/search-terms.bin').isFile()
assert !new File(site, 'search-terms.bin').exists()
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('sd101 check: 0 error(s), 0 warning(s)')
return true
