def log = new File(basedir, 'build.log').text

// Headers and body are checked; the signature cannot be, and the build says why.
assert log.contains('[INFO] src/test/resources/webconnex/delivery.json:25:9: X-Webconnex-Signature: not checked: the webhook logs API returns the body parsed, not the bytes Webconnex signed')
// The second delivery of the page has a broken body: reported at its line in the page file.
assert log.contains('[ERROR] src/test/resources/webconnex/page.json:322:22: /data/total: expected number but found string "100"')
assert log.contains('[INFO] Validated 3 fixtures in 2 files, 0 signatures checked: 1 invalid, 0 warnings')
assert log.contains('BUILD FAILURE')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/webconnex-reports/webconnex.json'))
assert json.results*.record == [null, 'data[0]', 'data[1]']
assert json.results*.shape == ['webhook log record'] * 3
assert json.results*.signature == ['not-checked'] * 3
// What the signature could not prove is an info problem among the others; there is no "notes" array.
assert json.results.every { !it.containsKey('notes') }
assert json.results*.valid == [true, true, false]
def info = json.results[0].problems.find { it.severity == 'info' }
assert info.key == 'delivery.signature.notChecked'
assert info.pointer == 'X-Webconnex-Signature'
assert info.line == 25
return true
