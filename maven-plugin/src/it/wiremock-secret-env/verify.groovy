def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 0 invalid, 0 warnings')
assert log.contains('BUILD SUCCESS')
assert !log.contains('it-signing-secret-0001')
return true
