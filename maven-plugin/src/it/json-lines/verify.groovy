def log = new File(basedir, 'build.log').text

// Each line of the archive is a fixture; the problem is on line 2 of the file.
assert log.contains('[ERROR] src/test/resources/webconnex/archive.jsonl:2:1626: /data/total: expected number but found string "100"')
// *.ndjson is taken by default as well.
assert log.contains('[INFO] Validated 4 fixtures in 2 files, 0 signatures checked: 1 invalid, 0 warnings')
assert log.contains('BUILD FAILURE')

def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/webconnex-reports/TEST-webconnex.xml'))
assert junit.testcase*.@name*.toString() == (1..3).collect { "src/test/resources/webconnex/archive.jsonl [line $it]".toString() } +
    ['src/test/resources/webconnex/more.ndjson [line 1]']
assert junit.testcase*.@line*.toString() == ['1', '2', '3', '1']
assert junit.testcase.findAll { it.failure.size() > 0 }*.@name*.toString() == ['src/test/resources/webconnex/archive.jsonl [line 2]']
return true
