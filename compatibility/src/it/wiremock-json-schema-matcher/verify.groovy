// The build passed (invoker fails it otherwise); check that every test really ran and passed.
def report = new File(basedir, 'target/surefire-reports/TEST-example.JsonSchemaMatcherBesideTheKitTest.xml')
assert report.isFile() : 'JsonSchemaMatcherBesideTheKitTest did not run'
def head = (report.text =~ /<testsuite\b[^>]*>/)[0]
def count = { String name -> ((head =~ /\b${name}="(\d+)"/)[0][1]) as int }
assert count('tests') == 3 : "expected 3 tests: ${head}"
assert count('failures') + count('errors') + count('skipped') == 0 : head
return true
