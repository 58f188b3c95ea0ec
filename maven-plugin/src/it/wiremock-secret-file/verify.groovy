def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 0 invalid, 0 warnings')
assert log.contains('BUILD SUCCESS')
// The secret is never printed, nor written into a report.
assert !log.contains('it-signing-secret-0001')
new File(basedir, 'target/webconnex-reports').eachFile { assert !it.text.contains('it-signing-secret-0001') }

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/webconnex-reports/webconnex.json'))
assert json.results*.signature == ['verified', 'verified']
return true
