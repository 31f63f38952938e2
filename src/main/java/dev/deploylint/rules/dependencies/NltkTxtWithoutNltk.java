package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;

/** RQ010: the buildpack's NLTK step runs only when nltk is importable after install (bin/steps/nltk, v351). */
public final class NltkTxtWithoutNltk implements Rule {

    private static final String NLTK_TXT = "nltk.txt";

    @Override
    public String id() {
        return "RQ010";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!project.files().isFile(NLTK_TXT) || !AppFacts.isPythonApp(project) || Dependencies.of(project).declares("nltk")) {
            return;
        }
        findings.report(Location.startOf(NLTK_TXT), "`nltk.txt` lists NLTK data to download, but `nltk` is not a declared dependency,"
                + " so the build ignores the file; add `nltk` to the dependencies, or delete `nltk.txt` if the app does not use NLTK");
    }
}
