package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ST008: {@code {% load staticfiles %}} and {@code {% load admin_static %}}, template tag
 * libraries deprecated in Django 2.1 and removed in 3.0, so rendering the template raises
 * TemplateSyntaxError. Templates are Django template language, not Python: a scanner of
 * {@code {% ... %}} tags suffices, skipping comments and verbatim blocks.
 */
public final class StaticfilesTemplateTagRemoved implements Rule {

    private static final Set<String> REMOVED = Set.of("staticfiles", "admin_static");

    @Override
    public String id() {
        return "ST008";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (version.isEmpty() || version.get().isBelow("3.0")) {
            return;
        }
        for (Map.Entry<String, FileTree.Kind> entry : project.files().entries().entrySet()) {
            String path = entry.getKey();
            if (entry.getValue() == FileTree.Kind.FILE && isTemplate(path)) {
                project.text(path).ifPresent(file -> scan(file, version.get(), findings));
            }
        }
    }

    /** An .html file under a templates folder of the app, not inside an installed package. */
    private static boolean isTemplate(String path) {
        return path.endsWith(".html") && ("/" + path).contains("/templates/")
                && !path.contains("site-packages/") && !("/" + path).contains("/node_modules/");
    }

    private static void scan(SourceFile file, ResolvedVersion version, Findings findings) {
        String text = file.text();
        int at = 0;
        String skipUntil = null;
        while (true) {
            int open = text.indexOf('{', at);
            if (open < 0 || open + 1 >= text.length()) {
                return;
            }
            char kind = text.charAt(open + 1);
            if (kind == '#') {
                int close = text.indexOf("#}", open + 2);
                at = close < 0 ? text.length() : close + 2;
                continue;
            }
            if (kind != '%') {
                at = open + 1;
                continue;
            }
            int close = text.indexOf("%}", open + 2);
            if (close < 0) {
                return;
            }
            at = close + 2;
            String content = text.substring(open + 2, close);
            String[] words = content.trim().split("\\s+");
            if (skipUntil != null) {
                if (words[0].equals(skipUntil)) {
                    skipUntil = null;
                }
                continue;
            }
            if (words[0].equals("comment") || words[0].equals("verbatim")) {
                skipUntil = "end" + words[0];
                continue;
            }
            if (!words[0].equals("load")) {
                continue;
            }
            boolean from = words.length >= 4 && words[words.length - 2].equals("from");
            int offset = open + 2;
            for (int i = 1; i < words.length; i++) {
                offset = text.indexOf(words[i], offset);
                boolean library = from ? i == words.length - 1 : true;
                if (library && REMOVED.contains(words[i])) {
                    findings.report(file.locationOf(offset), "the template loads `" + words[i] + "`, a template tag library that Django 3.0"
                            + " removed, so with " + version.describe() + " rendering this template fails with TemplateSyntaxError;"
                            + " use `{% load static %}`", version.evidence());
                }
                offset += words[i].length();
            }
        }
    }
}
