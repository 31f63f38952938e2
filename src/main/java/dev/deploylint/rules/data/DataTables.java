package dev.deploylint.rules.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The data tables under {@code rules/data/} and how old their facts are: Heroku changes supported
 * versions and stacks every few weeks, so a table checked more than {@link #MAX_AGE_DAYS} days ago
 * is worth a note to the user.
 */
public final class DataTables {

    public static final int MAX_AGE_DAYS = 180;
    /** Each table with the {@code checked} date of its loaded copy: one row per table, so names and dates cannot drift apart. */
    private static final List<Table> ALL = List.of(
            new Table("python-versions.yaml", () -> PythonVersionTable.get().checked()),
            new Table("django-python.yaml", () -> DjangoPythonTable.get().checked()),
            new Table("package-releases.yaml", () -> PackageReleases.get().checked()),
            new Table("uninstallable-packages.yaml", () -> UninstallablePackages.get().checked()),
            new Table("large-packages.yaml", () -> LargePackages.get().checked()),
            new Table("python-buildpacks.yaml", () -> PythonBuildpacks.get().checked()),
            new Table("import-names.yaml", () -> ImportNames.get().checked()));
    public static final List<String> TABLES = ALL.stream().map(Table::file).toList();

    private record Table(String file, Supplier<String> checked) {
    }

    private DataTables() {
    }

    /** A table and the date its facts were last checked. */
    public record Checked(String table, LocalDate checked) {
    }

    /** Every table's {@code checked} date, from the tables the rules already loaded. */
    public static List<Checked> checkedDates() {
        return ALL.stream().map(table -> new Checked("rules/data/" + table.file(), LocalDate.parse(table.checked().get()))).toList();
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
