package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.ImportPaths;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DJ025: a dotted path in the settings names a module that does not exist: adjacent string
 * literals joined by a missing comma, a module of the app that is not there, a django.contrib app
 * no Django has, or an AUTH_USER_MODEL whose app is not installed.
 */
public final class SettingsImportPathMissing implements Rule {

    private static final Pattern LABEL_ASSIGNMENT = Pattern.compile("(?m)^\\s+label\\s*=");

    @Override
    public String id() {
        return "DJ025";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (SettingsImportPaths.Entry entry : SettingsImportPaths.entries(project)) {
            Optional<List<String>> comma = SettingsImportPaths.missingComma(project, entry);
            SettingsImportPaths.Verdict verdict = SettingsImportPaths.verdict(project, entry);
            if (verdict == SettingsImportPaths.Verdict.FOUND) {
                continue;
            }
            Severity severity = SettingsImportPaths.severity(project, entry);
            String consequence = SettingsImportPaths.consequence(project, entry);
            if (comma.isPresent()) {
                List<String> parts = comma.get();
                String what = parts.size() <= 3 && entry.path().length() <= 100
                        ? "`" + parts.stream().map(part -> "\"" + part + "\"").collect(Collectors.joining(" ")) + "` in " + entry.setting()
                                + " are adjacent strings, which Python joins into `" + entry.path() + "` because a comma is missing between them"
                        : "the " + parts.size() + " adjacent strings from `\"" + parts.get(0) + "\"` to `\"" + parts.get(parts.size() - 1)
                                + "\"` in " + entry.setting() + " are one string to Python, because commas are missing between them";
                findings.report(severity, entry.at(), what + ", so " + consequence + "; put a comma after each entry",
                        AppFacts.tookEffect(entry.binding()));
            } else if (verdict == SettingsImportPaths.Verdict.MISSING_IN_APP) {
                List<String> modules = entry.modules();
                String module = modules.get(modules.size() - 1);
                String file = module.replace('.', '/');
                findings.report(severity, entry.at(), entry.setting() + " names `" + entry.path() + "`, but the app has no module `" + module
                        + "` (no `" + file + ".py` or `" + file + "/`), so " + consequence + "; correct the path or add the module",
                        AppFacts.tookEffect(entry.binding()));
            } else if (verdict == SettingsImportPaths.Verdict.MISSING_IN_DJANGO) {
                findings.report(severity, entry.at(), entry.setting() + " names `" + entry.path() + "`, but no Django release has `"
                        + String.join(".", List.of(entry.path().split("\\.")).subList(0, 3)) + "`, so " + consequence
                        + "; correct the name (django.contrib holds admin, auth, contenttypes, sessions, messages, staticfiles, ...)",
                        AppFacts.tookEffect(entry.binding()));
            }
        }
        checkUserModel(project, findings);
    }

    /**
     * AUTH_USER_MODEL is {@code app_label.ModelName}; Django raises ImproperlyConfigured at start
     * when no installed app has that label. Checked only when every INSTALLED_APPS entry is known
     * and no AppConfig of the app sets a label of its own.
     */
    private static void checkUserModel(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> model = django.setting("AUTH_USER_MODEL").filter(b -> b.value() instanceof Value.Str);
        Optional<ModuleEvaluator.Binding> apps = django.setting("INSTALLED_APPS");
        if (model.isEmpty() || apps.isEmpty() || !(apps.get().value() instanceof Value.Seq seq)
                || !seq.items().stream().allMatch(v -> v instanceof Value.Str) || !ImportPaths.of(project).complete()) {
            return;
        }
        String value = ((Value.Str) model.get().value()).value();
        String[] parts = value.split("\\.");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || customLabels(project)) {
            return;
        }
        Set<String> labels = new HashSet<>();
        for (Value item : seq.items()) {
            List<String> names = List.of(((Value.Str) item).value().split("\\."));
            labels.add(names.get(names.size() - 1));
            // an AppConfig path (users.apps.UsersConfig) takes the label of its app module by default
            int apps1 = names.lastIndexOf("apps");
            if (apps1 > 0) {
                labels.add(names.get(apps1 - 1));
            }
            if (names.size() > 1) {
                labels.add(names.get(names.size() - 2));
            }
        }
        if (!labels.contains(parts[0])) {
            findings.report(django.literal(value, model.get().at()).map(l -> l.at()).orElse(model.get().at()),
                    "AUTH_USER_MODEL is `" + value + "`, but no app in INSTALLED_APPS has the label `" + parts[0]
                            + "`, so Django stops at start with ImproperlyConfigured (\"AUTH_USER_MODEL refers to model '" + value
                            + "' that has not been installed\"); add the app to INSTALLED_APPS or correct the label",
                    AppFacts.tookEffect(model.get()));
        }
    }

    /** True when an AppConfig in the app may set its own label ({@code label = "..."} in a class body). */
    private static boolean customLabels(Project project) {
        List<String> files = new ArrayList<>(project.files().filesNamed("apps.py"));
        files.addAll(project.files().filesNamed("__init__.py"));
        return files.stream().anyMatch(path -> project.text(path).map(text -> LABEL_ASSIGNMENT.matcher(text.text()).find()).orElse(false));
    }
}
