def log = new File(basedir, 'build.log').text

// Each problem is logged at the level webconnex.levels gave its key.
assert log.contains('[ERROR] src/test/resources/webconnex/ping.json:2:16: /eventType: unknown event type "ping"')
assert log.contains('[WARNING] src/test/resources/webconnex/registration-total-string.json:123:14: /data/total: expected number but found string "100"')
assert log.contains('[INFO] Validated 2 fixtures, 0 signatures checked: 1 invalid, 1 warning')
assert log.contains('1 fixture does not conform to the Webconnex contract')
assert log.contains('BUILD FAILURE')

def reports = new File(basedir, 'target/webconnex-reports')
// JUnit: only errors are failures; a warning goes to system-out.
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-webconnex.xml'))
assert junit.@failures == '1'
def ping = junit.testcase.find { it.@name == 'src/test/resources/webconnex/ping.json' }
assert ping.failure.@type == 'event.unknown'
def total = junit.testcase.find { it.@name == 'src/test/resources/webconnex/registration-total-string.json' }
assert total.failure.size() == 0
assert total.'system-out'.text() == 'src/test/resources/webconnex/registration-total-string.json:123:14: warning: /data/total: expected number but found string "100"'

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'webconnex.sarif'))
assert sarif.runs[0].results.collect { [it.ruleId, it.level] } == [['event.unknown', 'error'], ['schema.type', 'warning']]

def json = new groovy.json.JsonSlurper().parse(new File(reports, 'webconnex.json'))
assert json.results.collect { it.problems*.severity } == [['error'], ['warning']]
return true
