package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root {@code Procfile}: its process types in file order and the lines that do not parse.
 * A line parses when it is blank, a {@code #} comment, or {@code name: command} where name is
 * letters, digits, '_' or '-' and at least one space separates the colon from the command (the
 * classic platform's parser requires it; foreman and the CNB parser accept the same lines).
 */
public record Procfile(SourceFile file, List<Process> processes, List<InvalidLine> invalidLines) {

    public static final String PATH = "Procfile";

    /** One {@code name: command} line. */
    public record Process(String name, Location nameAt, String command, Location commandAt, ProcessCommand parsed) {
    }

    /**
     * A line that is not a process definition, with why. {@code classicReads} when the classic
     * platform's loose parser ({@code ^[[:space:]]*([a-zA-Z0-9_-]+):?\s+(.*)}, heroku/buildpacks-procfile
     * SPEC.md) still reads a process from it, as from {@code worker celery -A mysite worker}; otherwise
     * the classic platform skips the line.
     */
    public record InvalidLine(Location location, String text, String reason, boolean classicReads) {
    }

    public static Optional<Procfile> of(Project project) {
        return project.view(Procfile.class, p -> p.text(PATH).map(Procfile::parse));
    }

    /** A definition that a later line of the same process type replaces. */
    public record Overridden(Process process, Process winner) {
    }

    /** The process type {@code name} as Heroku runs it: its last definition. */
    public Optional<Process> process(String name) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            if (processes.get(i).name().equals(name)) {
                return Optional.of(processes.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Every definition that a later one of the same process type replaces, in file order, with
     * that last definition. One pass over the processes: a Procfile of 80,000 types stays linear.
     */
    public List<Overridden> overridden() {
        Map<String, Process> last = new HashMap<>();
        for (Process process : processes) {
            last.put(process.name(), process);
        }
        List<Overridden> overridden = new ArrayList<>();
        for (Process process : processes) {
            Process winner = last.get(process.name());
            if (winner != process) {
                overridden.add(new Overridden(process, winner));
            }
        }
        return overridden;
    }

    public static Procfile parse(SourceFile file) {
        List<Process> processes = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            if (start == line.length() || line.charAt(start) == '#') {
                continue;
            }
            int end = start;
            while (end < line.length() && isNameChar(line.charAt(end))) {
                end++;
            }
            Location lineAt = file.at(n, start);
            if (n == 1 && file.hasByteOrderMark()) {
                invalid.add(new InvalidLine(file.at(n, 0), line,
                        "the file starts with a byte-order mark, so Heroku reads the first process type as `\\uFEFF"
                                + line.substring(start, end) + "`; save the Procfile as UTF-8 without BOM", false));
                continue;
            }
            if (end == start || end == line.length() || line.charAt(end) != ':') {
                String reason = end == start
                        ? "a process type must start with a letter, digit, `_` or `-`"
                        : "expected `:` after the process type `" + line.substring(start, end) + "`";
                boolean classicReads = end > start && end < line.length() && Character.isWhitespace(line.charAt(end))
                        && !line.substring(end).isBlank();
                invalid.add(new InvalidLine(end == start ? lineAt : file.at(n, end), line, reason, classicReads));
                continue;
            }
            int commandStart = end + 1;
            if (commandStart < line.length() && !Character.isWhitespace(line.charAt(commandStart))) {
                invalid.add(new InvalidLine(file.at(n, commandStart), line,
                        "put a space after `" + line.substring(start, end) + ":`; Heroku's Procfile parser needs whitespace before the command", false));
                continue;
            }
            while (commandStart < line.length() && Character.isWhitespace(line.charAt(commandStart))) {
                commandStart++;
            }
            String command = line.substring(commandStart).stripTrailing();
            if (command.isEmpty()) {
                invalid.add(new InvalidLine(lineAt, line, "the process type `" + line.substring(start, end) + "` has no command", false));
                continue;
            }
            Location commandAt = file.at(n, commandStart);
            int lineNumber = n;
            int base = commandStart;
            processes.add(new Process(line.substring(start, end), lineAt, command, commandAt,
                    ProcessCommand.parse(command, offset -> file.at(lineNumber, base + offset))));
        }
        return new Procfile(file, List.copyOf(processes), List.copyOf(invalid));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
