// The repository is the content root by default: images one folder above the source are published.
def site = new File(basedir, 'site')
def read = { String p -> new File(site, p).getText('UTF-8') }
assert new File(site, 'images/diagram.svg').bytes == new File(basedir, 'images/diagram.svg').bytes
assert new File(site, 'images/raw.svg').isFile()
def cache = read('캐시/index.html')
assert cache.contains('src="../images/diagram.svg"')
assert read('메시지-큐/index.html').contains('src="../images/raw.svg"')
// The one image that does not exist is shown as its alt text, never as an <img> without src.
def balancer = read('로드-밸런서/index.html')
assert balancer.contains('<span class="image-unpublished" role="img" aria-label="로드 밸런서" data-alt="로드 밸런서"')
assert !(balancer =~ /<img(?![^>]*\ssrc=)[^>]*>/)
def log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('outside the content root')
assert log.contains('translations/README-ko.md:21:1: warning: image ../images/balancer.png: no such file; it is shown as its alt text')
assert log.contains('sd101 check: 0 error(s), 1 warning(s)')
return true
