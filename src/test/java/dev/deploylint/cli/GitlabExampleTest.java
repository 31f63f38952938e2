package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.InstallHookTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The README's .gitlab-ci.yml, run the way a GitLab runner runs a job's script. */
class GitlabExampleTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeJobLogsTheTextReportAndWritesBothReports() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n# .gitlab-ci.yml\n");
        assertTrue(start >= 0, "the README has a .gitlab-ci.yml example");
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```\n", start + 8));
        Map<String, Object> job = (Map<String, Object>) new Yaml().<Map<String, Object>>load(yaml).get("deploylint");
        List<String> script = (List<String>) job.get("script");
        Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
        Map<String, String> reports = (Map<String, String>) artifacts.get("reports");
        assertEquals("always", artifacts.get("when"), "reports are kept when the job fails");

        Path tool = Files.createDirectories(dir.resolve("tool"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(tool.resolve("deploylint"), "#!/bin/sh\nexec " + InstallHookCommand.quote(java) + " -cp "
                + InstallHookCommand.quote(System.getProperty("java.class.path")) + " dev.deploylint.cli.Main \"$@\"\n");
        InstallHookCommand.makeExecutable(tool.resolve("deploylint"));
        Path project = Files.createDirectories(dir.resolve("project"));
        InstallHookTest.writeApp(project, "3.9\n"); // an unsupported Python: an error

        StringBuilder log = new StringBuilder();
        int status = 0;
        for (String line : script) {
            if (line.startsWith("git clone")) {
                continue; // no network here: this build stands in for the clone
            }
            List<String> command = new ArrayList<>(List.of("sh", "-c", line.replace("/tmp/deploylint/", tool + "/")));
            Result result = InstallHookTest.run(project, command);
            log.append(result.output());
            status = result.code();
            if (status != 0) {
                break;
            }
        }
        assertNotEquals(0, status, "the job fails on an error finding");
        assertTrue(log.toString().contains("PY002 error") && log.toString().contains("Verdict:"), "the job log shows the text report: " + log);
        assertTrue(Files.readString(project.resolve(reports.get("codequality"))).contains("\"check_name\""));
        assertTrue(Files.readString(project.resolve(reports.get("junit"))).contains("<failure"));
    }
}
