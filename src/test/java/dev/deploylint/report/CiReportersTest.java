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
        String summary = GithubReporter.summary(APPS, TestData.catalog());
        assertTrue(summary.contains("2 errors, 0 warnings, 1 notes in 2 apps"), summary);
        assertTrue(summary.contains("| error | `PF001` procfile-missing | `apps/web/requirements.txt:2` |"), summary);
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
        Document doc = xml(write(new JunitReporter()));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element web = (Element) suites.item(0);
        assertEquals("3", web.getAttribute("tests"));
        assertEquals("2", web.getAttribute("failures"));
        assertEquals(3, web.getElementsByTagName("testcase").getLength());
        assertEquals(2, web.getElementsByTagName("failure").getLength());
        assertEquals("0", ((Element) suites.item(1)).getAttribute("failures"));
    }
}
