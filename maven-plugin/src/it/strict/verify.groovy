def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] src/test/resources/webconnex/registration-with-extra-property.json:127:5: /data/internalNote: property "internalNote" is not documented for this object (the strict profile allows documented properties only)')
assert log.contains('[INFO] Validated 1 fixture, 0 signatures checked: 1 invalid, 0 warnings')
assert log.contains('BUILD FAILURE')

def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/webconnex-reports/TEST-webconnex.xml'))
assert junit.properties.property.find { it.@name == 'webconnex.profile' }.@value == 'strict'
return true
