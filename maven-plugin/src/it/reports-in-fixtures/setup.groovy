// Record a checksum of every fixture before the build; verify.groovy checks none changed.
import java.security.MessageDigest

def fixtures = new File(basedir, 'src/test/resources/webconnex')
def sums = new StringBuilder()
fixtures.eachFileRecurse { f ->
    if (f.isFile()) {
        sums << MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex() << ' ' << f.lastModified() << ' ' << f.name << '\n'
    }
}
new File(basedir, 'checksums-before.txt').text = sums.toString()
return true
