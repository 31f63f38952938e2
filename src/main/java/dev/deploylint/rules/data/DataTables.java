package dev.deploylint.rules.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The data tables under {@code rules/data/} and how old their facts are: Heroku changes supported
 * versions and stacks every few weeks, so a table checked more than {@link #MAX_AGE_DAYS} days ago
 * is worth a note to the user.
 */
public final class DataTables {

    public static final int MAX_AGE_DAYS = 180;
    public static final List<String> TABLES = List.of("python-versions.yaml", "django-python.yaml", "package-releases.yaml",
            "uninstallable-packages.yaml", "large-packages.yaml", "python-buildpacks.yaml", "import-names.yaml");

    private DataTables() {
    }

    /** A table and the date its facts were last checked. */
    public record Checked(String table, LocalDate checked) {
    }

    /** Every table's {@code checked} date, from the tables the rules already loaded. */
    public static List<Checked> checkedDates() {
        return List.of(
                new Checked("rules/data/" + TABLES.get(0), LocalDate.parse(PythonVersionTable.get().checked())),
                new Checked("rules/data/" + TABLES.get(1), LocalDate.parse(DjangoPythonTable.get().checked())),
                new Checked("rules/data/" + TABLES.get(2), LocalDate.parse(PackageReleases.get().checked())),
                new Checked("rules/data/" + TABLES.get(3), LocalDate.parse(UninstallablePackages.get().checked())),
                new Checked("rules/data/" + TABLES.get(4), LocalDate.parse(LargePackages.get().checked())),
                new Checked("rules/data/" + TABLES.get(5), LocalDate.parse(PythonBuildpacks.get().checked())),
                new Checked("rules/data/" + TABLES.get(6), LocalDate.parse(ImportNames.get().checked())));
    }

    /** The notes to show on {@code today}: one per table older than {@link #MAX_AGE_DAYS} days. */
    public static List<String> staleNotes(List<Checked> dates, LocalDate today) {
        List<String> notes = new ArrayList<>();
        for (Checked date : dates) {
            long age = ChronoUnit.DAYS.between(date.checked(), today);
            if (age > MAX_AGE_DAYS) {
                notes.add("note: " + date.table() + " was last checked on " + date.checked() + ", " + age
                        + " days ago; Heroku changes supported versions and stacks every few weeks, so update deploylint");
            }
        }
        return notes;
    }
}
