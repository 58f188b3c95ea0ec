def log = new File(basedir, 'build.log').text

// Warnings are logged at WARN, and only fail the build because failOnWarning is set.
assert log =~ /\[WARNING\] src\/test\/resources\/webconnex\/ping\.json:2:16: \/eventType: unknown event type "ping"/
assert log.contains('[INFO] Validated 1 fixture, 0 signatures checked: 0 invalid, 1 warning')
assert log.contains('1 fixture has warnings and webconnex.failOnWarning is true: see the [WARNING] lines above')
assert log.contains('BUILD FAILURE')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/webconnex-reports/webconnex.sarif'))
assert sarif.runs[0].results*.level == ['warning']
assert sarif.runs[0].results[0].ruleId == 'event.unknown'
return true
