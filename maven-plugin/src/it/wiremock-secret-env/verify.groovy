def log = new File(basedir, 'build.log').text

// Two secrets, as during a rotation: the journal was signed with the second, and verifies.
assert log.contains('[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 0 invalid, 0 warnings')
assert log.contains('BUILD SUCCESS')
assert !log.contains('it-signing-secret-0001')
assert !log.contains('it-signing-secret-after-rotation')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/webconnex-reports/webconnex.json'))
assert json.results*.signature == ['verified', 'verified']
return true
