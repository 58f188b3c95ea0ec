def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Skipping Webconnex fixture validation (webconnex.skip)')
assert !log.contains('Validated ')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/webconnex-reports').exists()
return true
