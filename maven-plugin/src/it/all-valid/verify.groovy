def log = new File(basedir, 'build.log').text

// Bound to process-test-resources by default: the POM names no phase.
assert log =~ /--- webconnex:[^:]+:validate \(default\) @ all-valid ---/
assert log.contains('[INFO] Validated 4 fixtures in 3 files, 0 signatures checked: 0 invalid, 0 warnings')
assert log.contains('[INFO] 2 recorded requests with raw bodies had signatures left unchecked: set webconnex.secretEnv or webconnex.secretFile to verify them')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING] src/')
assert log.contains('BUILD SUCCESS')

def reports = new File(basedir, 'target/webconnex-reports')
assert new File(reports, 'TEST-webconnex.xml').isFile()
assert new File(reports, 'webconnex.sarif').isFile()
assert new File(reports, 'webconnex.json').isFile()
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-webconnex.xml'))
assert junit.@tests == '4'
assert junit.@failures == '0'
assert junit.testcase*.@name*.toString() == [
    'src/test/resources/webconnex/logs/delivery.json',
    'src/test/resources/webconnex/payloads/registration.json',
    'src/test/resources/webconnex/wiremock/journal.json [requests[0]]',
    'src/test/resources/webconnex/wiremock/journal.json [requests[1]]']
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'webconnex.sarif'))
assert sarif.runs[0].results*.level == ['note']
return true
