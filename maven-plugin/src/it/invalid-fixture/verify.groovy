import java.security.MessageDigest

def log = new File(basedir, 'build.log').text

// The failing fixture is pointed at like a compiler error, with the path relative to the project.
assert log.contains('[ERROR] src/test/resources/webconnex/registration-total-string.json:123:14: /data/total: expected number but found string "100"')
assert log.contains('[INFO] Validated 2 fixtures, 0 signatures checked: 1 invalid, 0 warnings')
assert log.contains('1 fixture does not conform to the Webconnex contract: see the [ERROR] lines above and the reports in target/webconnex-reports')
assert log.contains('BUILD FAILURE')
// A contract violation is a failure of the build's input, not an error of the plugin.
assert log.contains('MojoFailureException')
assert !log.contains('MojoExecutionException')

// Every fixture is in the reports, the valid one too.
def reports = new File(basedir, 'target/webconnex-reports')
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-webconnex.xml'))
assert junit.@tests == '2'
assert junit.@failures == '1'
def failing = junit.testcase.find { it.@name == 'src/test/resources/webconnex/registration-total-string.json' }
assert failing.failure.@type == 'schema.type'
assert failing.failure.text() == 'src/test/resources/webconnex/registration-total-string.json:123:14: error: /data/total: expected number but found string "100"'
assert failing.failure.@message == '1 error: src/test/resources/webconnex/registration-total-string.json:123:14: /data/total: expected number but found string "100"'
assert junit.testcase.find { it.@name == 'src/test/resources/webconnex/registration.json' }.failure.size() == 0

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'webconnex.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert result.ruleId == 'schema.type'
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/test/resources/webconnex/registration-total-string.json'
assert result.locations[0].physicalLocation.region.startLine == 123
assert result.locations[0].physicalLocation.region.startColumn == 14

def json = new groovy.json.JsonSlurper().parse(new File(reports, 'webconnex.json'))
assert json.results*.path == ['src/test/resources/webconnex/registration-total-string.json', 'src/test/resources/webconnex/registration.json']
assert json.results[0].problems[0].key == 'schema.type'

// No fixture was modified.
def fixtures = new File(basedir, 'src/test/resources/webconnex')
def sums = new StringBuilder()
fixtures.eachFileRecurse { f ->
    if (f.isFile()) {
        sums << MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex() << ' ' << f.lastModified() << ' ' << f.name << '\n'
    }
}
assert sums.toString() == new File(basedir, 'checksums-before.txt').text
return true
