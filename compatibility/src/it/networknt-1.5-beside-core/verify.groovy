// The build passed (invoker fails it otherwise); check that every test really ran and passed.
def report = new File(basedir, 'target/surefire-reports/TEST-example.NetworkntBesideTheKitTest.xml')
assert report.isFile() : 'NetworkntBesideTheKitTest did not run'
def head = (report.text =~ /<testsuite\b[^>]*>/)[0]
def count = { String name -> ((head =~ /\b${name}="(\d+)"/)[0][1]) as int }
assert count('tests') == 10 : "expected 10 tests: ${head}"
assert count('failures') + count('errors') + count('skipped') == 0 : head
return true
