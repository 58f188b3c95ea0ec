def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] src/test/resources/webconnex/journal.json:15:11: X-Webconnex-Signature: does not match the body: it is not the HMAC-SHA256 of these bytes under the configured signing secret')
assert log.contains('[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 2 invalid, 0 warnings')
assert log.contains('2 fixtures do not conform to the Webconnex contract')
assert log.contains('BUILD FAILURE')
assert !log.contains('the-secret-of-another-webhook')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/webconnex-reports/webconnex.json'))
assert json.results*.signature == ['invalid', 'invalid']
assert json.results*.problems*.key == [['delivery.signature.mismatch'], ['delivery.signature.mismatch']]
return true
