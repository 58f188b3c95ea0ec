def log = new File(basedir, 'build.log').text

// There is no pom.xml here: Maven ran the goal without a project.
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('Building Maven Stub Project (No POM)')
// Paths are relative to the current directory.
assert log.contains('[ERROR] fixtures/registration-total-string.json:123:14: /data/total: expected number but found string "100"')
assert log.contains('[INFO] Validated 2 fixtures, 0 signatures checked: 1 invalid, 0 warnings')
assert log.contains('BUILD FAILURE')
// Reports go to ./target/webconnex-reports, not to a folder named after an unresolved expression.
assert new File(basedir, 'target/webconnex-reports/webconnex.sarif').isFile()
assert !new File(basedir, '${project.basedir}').exists()
return true
