package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.AppCommands;
import dev.deploylint.source.Location;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Project;
import dev.deploylint.project.ServerCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PF014: a typographic dash, curly quote or no-break space in a command, as pasted from a blog or
 * a word processor. The shell knows none of them: a dash that looks like {@code -} is an ordinary
 * character, so {@code –workers} is an argument and not an option, curly quotes are part of the
 * word, and a no-break space separates nothing.
 */
public final class TypographicCharacterInCommand implements Rule {

    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212";
    private static final String QUOTES = "\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F";
    private static final String SPACES = "\u00A0\u202F\u200B";

    /** Programs that stop with a usage error on an argument they do not expect (argparse or click). */
    private static final Set<String> STRICT = Set.of("celery", "uvicorn", "daphne", "hypercorn", "waitress-serve", "gunicorn");

    /** Programs whose arguments are only text to print. */
    private static final Set<String> PRINTERS = Set.of("echo", "printf");

    @Override
    public String id() {
        return "PF014";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (AppCommands.Command command : AppCommands.of(project).all()) {
            for (ProcessCommand.Token token : command.tokens()) {
                String word = token.word().text();
                int index = firstSuspect(word);
                if (index < 0) {
                    continue;
                }
                Optional<ProcessCommand.Invocation> invocation = invocationOf(command, token.word());
                if (invocation.isPresent() && PRINTERS.contains(invocation.get().programName())
                        && !invocation.get().program().equals(token.word())) {
                    continue;
                }
                Judgement judgement = judge(word, token.word(), invocation);
                Severity severity = judgement.breaks() && command.kind() != AppCommands.Kind.BUILD_HOOK ? Severity.ERROR : Severity.WARNING;
                int cp = word.codePointAt(index);
                findings.report(severity, locate(command, token, cp),
                        "`" + new String(Character.toChars(cp)) + "` (U+" + String.format(Locale.ROOT, "%04X", cp) + " "
                                + Character.getName(cp) + ") in " + command.describe() + " is not " + meant(cp) + ": "
                                + judgement.effect() + "; type `" + corrected(word) + "`", retyping(project, command, token));
            }
        }
    }

    /**
     * Replaces the word by {@link #corrected}, what the message says to type, when that is
     * unambiguous: the word is written in the file as the shell reads it (no ASCII quoting,
     * escapes or continuation inside it), a shell reads the command (an exec-form {@code CMD} is
     * JSON, where a quote or a space means something else; in heroku.yml and the Dockerfile only
     * dashes are retyped, since the YAML or JSON around the word may be quoted), and the quotes it gets come in pairs,
     * so that {@code don’t} never becomes an unterminated {@code don't}. Null otherwise.
     */
    private static Fix retyping(Project project, AppCommands.Command command, ProcessCommand.Token token) {
        String word = token.word().text();
        String fixed = corrected(word);
        if (token.start() < 0 || token.end() > command.text().length()
                || !command.text().substring(token.start(), token.end()).equals(word)) {
            return null;
        }
        boolean onlyDashes = firstOf(word, QUOTES) < 0 && firstOf(word, SPACES) < 0;
        boolean plainFile = command.source() != AppCommands.Source.HEROKU_YML_RUN && command.source() != AppCommands.Source.HEROKU_YML_RELEASE
                && command.source() != AppCommands.Source.DOCKERFILE_CMD;
        if (!plainFile && token.start() == 0) {
            return null;
        }
        if (!onlyDashes && (!command.shell() || !plainFile || count(word, '"') + count(word, '\'') > 0
                || count(fixed, '"') % 2 != 0 || count(fixed, '\'') % 2 != 0)) {
            return null;
        }
        Location start = command.locate().apply(token.start());
        Optional<SourceFile> file = project.text(start.path());
        if (file.isEmpty()) {
            return null;
        }
        int from = file.get().offsetOf(start);
        int to = from + word.length();
        if (from < 0 || to > file.get().text().length() || !file.get().text().substring(from, to).equals(word)) {
            return null;
        }
        return Fix.builder("typed `" + fixed + "` for `" + word + "`").replace(file.get(), from, to, fixed).build();
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private record Judgement(boolean breaks, String effect) {
    }

    private static Judgement judge(String word, ProcessCommand.Word at, Optional<ProcessCommand.Invocation> found) {
        if (found.isEmpty()) {
            return new Judgement(false, "the shell keeps it as part of `" + word + "`");
        }
        ProcessCommand.Invocation invocation = found.get();
        String program = invocation.programName();
        if (invocation.program().equals(at)) {
            return new Judgement(true, "the shell looks for a program named `" + word + "`, which does not exist");
        }
        Optional<ProcessCommand.Word> management = invocation.managementCommand();
        if (management.filter(at::equals).isPresent()) {
            return new Judgement(true, "Django has no management command `" + word + "`");
        }
        String runs = management.map(m -> "`" + m.text() + "`").orElse("`" + program + "`");
        Optional<ServerCommand> server = ServerCommand.of(invocation);
        if (server.flatMap(ServerCommand::app).filter(at::equals).isPresent()) {
            return new Judgement(true, runs + " takes `" + word + "` as the app to import, which fails");
        }
        if (server.isPresent() && server.get().arguments().values("--bind", "-b", "--port", "-p", "--host").contains(at)) {
            return new Judgement(true, runs + " cannot listen on `" + word + "`, so the process stops");
        }
        boolean strict = management.isPresent() || STRICT.contains(program);
        int first = word.codePointAt(0);
        List<ProcessCommand.Word> args = invocation.args();
        int position = args.indexOf(at);
        if (DASHES.indexOf(first) >= 0) {
            String rest = word.replaceFirst("^[" + DASHES + "-]+", "");
            if (rest.isEmpty()) {
                Optional<ProcessCommand.Word> option = position > 0 ? Optional.of(args.get(position - 1)) : Optional.empty();
                if (option.filter(o -> o.text().startsWith("-") && !o.text().contains("=")).isPresent()) {
                    return new Judgement(false, "`" + option.get().text() + "` gets the value `" + word + "`, a file name, not `-` for standard"
                            + " output, so " + runs + " writes there instead of to the log Heroku collects");
                }
            }
            return new Judgement(strict, runs + " gets `" + word + "` as a plain argument, not the option `" + corrected(word) + "`"
                    + (strict ? ", and stops with a usage error" : ", so the option is not applied"));
        }
        int dash = firstOf(word, DASHES);
        if (word.startsWith("-") && dash >= 0) {
            int equals = word.indexOf('=');
            if (equals < 0 || dash < equals) {
                return new Judgement(strict, runs + " does not know the option `" + word + "`"
                        + (strict ? " and stops with a usage error" : ", so the option is not applied"));
            }
        }
        if (firstOf(word, QUOTES) >= 0) {
            return new Judgement(false, "the shell keeps curly quotes as part of the word, so " + runs + " gets `" + word + "`");
        }
        if (firstOf(word, SPACES) >= 0) {
            return new Judgement(false, "it does not separate words, so " + runs + " gets `" + word + "` as one argument");
        }
        return new Judgement(false, runs + " gets `" + word + "` with that character in it");
    }

    /** The invocation that holds {@code word}: as its program, an argument, a wrapper or an assignment. */
    private static Optional<ProcessCommand.Invocation> invocationOf(AppCommands.Command command, ProcessCommand.Word word) {
        return command.parsed().invocations().stream()
                .filter(i -> i.program().equals(word) || i.args().contains(word) || i.wrappers().contains(word)
                        || i.env().containsValue(word))
                .findFirst();
    }

    /** The character's place in the file: exact when the word is written as it is, else where the word starts. */
    private static Location locate(AppCommands.Command command, ProcessCommand.Token token, int cp) {
        String text = command.text();
        int end = Math.min(token.end(), text.length());
        int start = Math.min(token.start(), end);
        int index = text.substring(start, end).indexOf(new String(Character.toChars(cp)));
        return index < 0 ? token.word().at() : command.locate().apply(start + index);
    }

    private static String meant(int cp) {
        if (DASHES.indexOf(cp) >= 0) {
            return "the ASCII hyphen-minus `-`";
        }
        if (QUOTES.indexOf(cp) >= 0) {
            return "a quote the shell knows";
        }
        return "a space the shell knows";
    }

    /**
     * The word as meant: a typographic dash that starts an option stands for {@code --} (what word
     * processors turn into a dash) unless one letter follows, quotes become ASCII quotes and no-break
     * spaces plain spaces.
     */
    static String corrected(String word) {
        String fixed = word;
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("^[" + DASHES + "]+(?=[A-Za-z])").matcher(fixed);
        if (option.find()) {
            String name = fixed.substring(option.end()).split("[=\\s]", 2)[0];
            fixed = (name.length() == 1 ? "-" : "--") + fixed.substring(option.end());
        }
        StringBuilder out = new StringBuilder();
        fixed.codePoints().forEach(cp -> {
            if (DASHES.indexOf(cp) >= 0) {
                out.append('-');
            } else if (cp == '\u2018' || cp == '\u2019' || cp == '\u201A' || cp == '\u201B') {
                out.append('\'');
            } else if (QUOTES.indexOf(cp) >= 0) {
                out.append('"');
            } else if (cp == '\u200B') {
                return;
            } else if (SPACES.indexOf(cp) >= 0) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static int firstSuspect(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (DASHES.indexOf(c) >= 0 || QUOTES.indexOf(c) >= 0 || SPACES.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOf(String word, String characters) {
        for (int i = 0; i < word.length(); i++) {
            if (characters.indexOf(word.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
