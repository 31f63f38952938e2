package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectViews;
import dev.deploylint.source.Location;
import dev.deploylint.source.UnreadableFile;

/** DL001: a file deploylint needs cannot be read as text, a folder cannot be listed, or a file is not a regular file. */
public final class FileUnreadable implements Rule {

    @Override
    public String id() {
        return "DL001";
    }

    @Override
    public void check(Project project, Findings findings) {
        ProjectViews.loadAll(project);
        for (UnreadableFile file : project.unreadableFiles()) {
            findings.report(file.buildFails() ? Severity.ERROR : Severity.WARNING, Location.startOf(file.path()),
                    "`" + file.path() + "` " + file.reason() + "; deploylint could not check it");
        }
        project.files().entries().forEach((path, kind) -> {
            if (kind == FileTree.Kind.OTHER) {
                findings.report(Severity.WARNING, Location.startOf(path), "`" + path + "` is a FIFO, socket or device file, not a regular file;"
                        + " git cannot store it and deploylint did not read it");
            }
        });
        if (project.files().truncated()) {
            findings.report(Severity.NOTE, Location.startOf(""), "the app holds more than " + String.format(java.util.Locale.ROOT, "%,d", project.files().cap())
                    + " files and folders, so deploylint listed only that many; it looked up the files it needs by name, but checks"
                    + " that search the whole app (templates, static files, uploads) may have missed some; exclude large data folders"
                    + " from the repository or lint the app's folder alone");
        }
        for (String path : project.files().unlisted()) {
            findings.report(Location.startOf(path), (path.isEmpty() ? "the app folder itself" : "`" + path + "`")
                    + " could not be listed (permission denied or it vanished); deploylint could not check what is inside");
        }
    }
}
