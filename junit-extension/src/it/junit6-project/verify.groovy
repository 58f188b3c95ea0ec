// The JUnit 6 build passed (invoker fails it otherwise); check that it ran the whole suite, on JUnit 6.
// Counted from <testcase> elements: Surefire puts the tests of @Nested classes in the outer class's
// report but leaves them out of its tests="..." attribute.
def passedIn = { File dir ->
    Map<String, Integer> passed = [:]
    dir.eachFileMatch(~/TEST-.*\.xml/) { f ->
        def xml = f.text
        passed[f.name] = (xml =~ /<testcase\b/).count - (xml =~ /<(skipped|failure|error)[\s>\/]/).count
    }
    passed
}

def reports = new File(basedir, 'target/surefire-reports')
assert reports.isDirectory() : 'no surefire reports: no test ran'
def onJUnit6 = passedIn(reports)
int total = onJUnit6.values().sum() ?: 0
assert onJUnit6['TEST-io.webconnexkit.junit.JupiterVersionTest.xml'] == 1 : 'JupiterVersionTest did not run'
assert total > 50 : "only ${total} tests passed on JUnit 6"

// The module's own run on JUnit 5: every test class passed as many tests on JUnit 6 as it did there.
def onJUnit5Dir = new File(basedir, '../../surefire-reports')
if (onJUnit5Dir.isDirectory()) {
    def onJUnit5 = passedIn(onJUnit5Dir)
    onJUnit6.each { name, count ->
        assert onJUnit5[name] == null || onJUnit5[name] == count : "${name}: ${count} tests passed on JUnit 6, ${onJUnit5[name]} on JUnit 5"
    }
}
println "[junit6] ${total} tests passed on JUnit 6, in ${onJUnit6.size()} test classes"
return true
