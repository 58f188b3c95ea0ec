import java.security.MessageDigest

def log = new File(basedir, 'build.log').text

// A broken setup, refused before anything is read or written.
assert log.contains('webconnex.reportsDirectory src/test/resources/webconnex is inside the fixtures folder src/test/resources/webconnex: reports are never written among fixtures')
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
assert !log.contains('Validated ')
assert log.contains('BUILD FAILURE')

// Every fixture is byte for byte as it was, webconnex.json included, and nothing was added.
def fixtures = new File(basedir, 'src/test/resources/webconnex')
def sums = new StringBuilder()
fixtures.eachFileRecurse { f ->
    if (f.isFile()) {
        sums << MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex() << ' ' << f.lastModified() << ' ' << f.name << '\n'
    }
}
assert sums.toString() == new File(basedir, 'checksums-before.txt').text
assert fixtures.list().sort() == ['registration.json', 'webconnex.json']
assert !new File(basedir, 'target/webconnex-reports').exists()
return true
