package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deploylint.lint.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CI formats: GitHub workflow commands, GitLab Code Quality, Checkstyle and JUnit XML. */
class CiReportersTest {

    private static final List<AppReport> APPS = List.of(
            app("apps/web", List.of(
                    finding("ST001", Severity.NOTE, "mysite/settings.py", 3, 1, "a note"),
                    finding("PF001", Severity.ERROR, "requirements.txt", 2, 1, "`Procfile` is missing, 100% sure: add one\nnow"),
                    finding("PF001", Severity.ERROR, "requirements.txt", 5, 1, "second <&> \"quoted\"")),
                    Map.of("requirements.txt", "django\ngunicorn\n\n\ngunicorn\n")),
            app(".", List.of(), Map.of()));

    private static String write(Reporter reporter) throws Exception {
        StringBuilder out = new StringBuilder();
        reporter.write(APPS, TestData.catalog(), out);
        return out.toString();
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void githubCommandsAreEscapedAndErrorsComeFirst() throws Exception {
        List<String> lines = write(new GithubReporter()).lines().toList();
        assertEquals(3, lines.size());
        assertEquals("::error file=apps/web/requirements.txt,line=2,col=1,title=PF001 procfile-missing"
                + "::`Procfile` is missing, 100%25 sure: add one%0Anow", lines.get(0));
        assertTrue(lines.get(2).startsWith("::notice file=apps/web/mysite/settings.py,line=3,col=1,title=ST001 static-root-missing::"));
        String summary = GithubReporter.summary(APPS, TestData.catalog(), TestData.PLAIN);
        assertTrue(summary.contains("**Failed**: 2 findings at or above the fail-on level"), summary);
        assertTrue(summary.contains("2 errors, 0 warnings, 1 note in 2 apps"), summary);
        String errorRow = "| error | `PF001` procfile-missing | apps\\/web\\/requirements\\.txt:2 |";
        assertTrue(summary.contains(errorRow), summary);
        assertTrue(summary.indexOf(errorRow) < summary.indexOf("| note |"),
                "errors first, though the note was found first: " + summary);
        String lenient = GithubReporter.summary(APPS, TestData.catalog(),
                new ReportOptions("1", false, true, Map.of("apps/web", java.util.Optional.empty())));
        assertTrue(lenient.contains("**Passed**"), "fail-on never: " + lenient);
        assertEquals("a%3Ab%2Cc%25", GithubReporter.property("a:b,c%"));
    }

    @Test
    void gitlabIssuesHaveUniqueStableFingerprints() throws Exception {
        JsonNode issues = new ObjectMapper().readTree(write(new GitlabReporter()));
        assertEquals(3, issues.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            assertTrue(fingerprints.add(issue.get("fingerprint").asText()));
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()));
            assertTrue(issue.at("/location/lines/begin").asInt() >= 1);
            assertTrue(issue.has("description") && issue.has("check_name"));
        }
        assertEquals(write(new GitlabReporter()), write(new GitlabReporter()), "stable across runs");
        assertEquals("apps/web/requirements.txt", issues.get(1).at("/location/path").asText());
    }

    @Test
    void checkstyleGroupsByFileAndEscapes() throws Exception {
        Document doc = xml(write(new CheckstyleReporter()));
        NodeList files = doc.getElementsByTagName("file");
        assertEquals(2, files.getLength());
        NodeList errors = ((Element) files.item(1)).getElementsByTagName("error");
        assertEquals(2, errors.getLength());
        assertEquals("second <&> \"quoted\"", ((Element) errors.item(1)).getAttribute("message"));
        assertEquals("deploylint.PF001", ((Element) errors.item(0)).getAttribute("source"));
    }

    @Test
    void junitHasATestCasePerRulePerApp() throws Exception {
        Document doc = xml(write(new JunitReporter(TestData.PLAIN)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element web = (Element) suites.item(0);
        assertEquals("3", web.getAttribute("tests"));
        assertEquals("1", web.getAttribute("failures"));
        assertEquals(3, web.getElementsByTagName("testcase").getLength());
        assertEquals(1, web.getElementsByTagName("failure").getLength());
        assertEquals("0", ((Element) suites.item(1)).getAttribute("failures"));
    }

    @Test
    void junitFailsOnlyAtOrAboveTheFailOnLevel() throws Exception {
        Document errorsOnly = xml(write(new JunitReporter(TestData.PLAIN)));
        Element web = (Element) errorsOnly.getElementsByTagName("testsuite").item(0);
        assertEquals("1", web.getAttribute("failures"), "the note of ST001 passes when failing on errors");
        assertEquals(1, web.getElementsByTagName("failure").getLength());
        assertTrue(web.getElementsByTagName("system-out").item(0).getTextContent().contains("ST001 note"));

        ReportOptions notes = new ReportOptions("1", false, true, Map.of("apps/web", java.util.Optional.of(Severity.NOTE)));
        StringBuilder out = new StringBuilder();
        new JunitReporter(notes).write(APPS, TestData.catalog(), out);
        Element strict = (Element) xml(out.toString()).getElementsByTagName("testsuite").item(0);
        assertEquals("2", strict.getAttribute("failures"));
    }
}
