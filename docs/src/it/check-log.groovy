// Post-build hook of every page project: the build's log holds every line the page promises
// (expected-log.txt, taken from the page by PageProjectsTest).
def log = new File(basedir, 'build.log').text
def missing = new File(basedir, 'expected-log.txt').readLines().findAll { it && !log.contains(it) }
if (missing) {
  throw new IllegalStateException("the build did not print what the page promises; missing:\n  " + missing.join('\n  '))
}
return true
