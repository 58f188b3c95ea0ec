// Pre-build hook of every page project: runs the page's shell step (setup.sh, a block of the page
// copied verbatim) in the project folder, with `mvn` being this build's Maven on the integration
// builds' settings and local repository, as a user's `mvn` is theirs.
def setup = new File(basedir, 'setup.sh')
if (!setup.exists()) {
  return true
}
def settings = [new File(basedir.parentFile, 'interpolated-settings.xml'),
                new File(basedir.parentFile.parentFile, 'interpolated-settings.xml')].find { it.exists() }
def bin = new File(basedir, 'target/page-bin')
bin.mkdirs()
def mvn = new File(bin, 'mvn')
def settingsOption = settings ? "-s '${settings}'" : ''
mvn.text = "#!/bin/sh\nexec '${System.getProperty('maven.home')}/bin/mvn' -B ${settingsOption} -Dmaven.repo.local='${localRepositoryPath}' \"\$@\"\n"
mvn.setExecutable(true)
def log = new File(basedir, 'setup.log')
def builder = new ProcessBuilder('sh', '-e', 'setup.sh').directory(basedir).redirectErrorStream(true).redirectOutput(log)
builder.environment().put('PATH', bin.absolutePath + File.pathSeparator + System.getenv('PATH'))
def status = builder.start().waitFor()
if (status != 0) {
  throw new IllegalStateException("the page's shell step (setup.sh) exited with ${status}:\n${log.text}")
}
return true
