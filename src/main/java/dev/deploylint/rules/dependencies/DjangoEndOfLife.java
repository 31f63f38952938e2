package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.data.DjangoPythonTable;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DJ011: the Django the build installs no longer gets security fixes. Judged against the date the
 * data table was checked, not today's date, so the same app always gets the same findings; the
 * table is updated with each Django feature release.
 */
public final class DjangoEndOfLife implements Rule {

    @Override
    public String id() {
        return "DJ011";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> resolved = ResolvedVersion.of(project, "django");
        if (resolved.isEmpty()) {
            return;
        }
        DjangoPythonTable table = DjangoPythonTable.get();
        ResolvedVersion django = resolved.get();
        Optional<DjangoPythonTable.Release> release = table.find(django.version());
        String ended;
        if (release.isPresent()) {
            if (!endedBy(release.get(), table.checked())) {
                return;
            }
            String date = release.get().securityEnds();
            ended = "stopped receiving security fixes " + (date.length() > 7 ? "on " : "in ") + date;
        } else if (django.isBelow(table.djangos().get(0).minor())) {
            ended = "stopped receiving security fixes years ago";
        } else {
            return;
        }
        String supported = table.djangos().stream().filter(d -> !endedBy(d, table.checked()))
                .map(DjangoPythonTable.Release::minor).collect(Collectors.joining(" or "));
        findings.report(django.dependency().at(), django.describe() + " " + ended + ", so known vulnerabilities stay"
                + " unfixed; upgrade to Django " + supported + " (supported as of " + table.checked() + ")", django.evidence());
    }

    /** Dates are "YYYY-MM-DD" or "YYYY-MM", so comparing the text compares the dates. */
    private static boolean endedBy(DjangoPythonTable.Release release, String date) {
        return release.securityEnds().compareTo(date) < 0;
    }
}
