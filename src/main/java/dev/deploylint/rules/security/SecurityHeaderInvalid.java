package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DJ015: SECURE_REFERRER_POLICY or SECURE_CROSS_ORIGIN_OPENER_POLICY holds a value browsers do not
 * know (security.E023 from Django 3.0, security.E024 from 4.0), so the header is sent and ignored.
 */
public final class SecurityHeaderInvalid implements Rule {

    private static final Set<String> REFERRER_POLICIES = Set.of("no-referrer", "no-referrer-when-downgrade", "origin",
            "origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin", "unsafe-url");
    private static final Set<String> OPENER_POLICIES = Set.of("same-origin", "same-origin-allow-popups", "unsafe-none");

    @Override
    public String id() {
        return "DJ015";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        boolean securityMiddleware = SecuritySettings.middleware(project, django)
                .filter(m -> m.has(SecuritySettings.SECURITY_MIDDLEWARE)).isPresent();
        if (!securityMiddleware) {
            return;
        }
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (version.map(v -> !v.isBelow("3.0")).orElse(true)) {
            check(django, "SECURE_REFERRER_POLICY", "Referrer-Policy", REFERRER_POLICIES, "security.E023", version, findings);
        }
        if (version.map(v -> !v.isBelow("4.0")).orElse(true)) {
            check(django, "SECURE_CROSS_ORIGIN_OPENER_POLICY", "Cross-Origin-Opener-Policy", OPENER_POLICIES, "security.E024",
                    version, findings);
        }
    }

    private static void check(DjangoProject django, String setting, String header, Set<String> allowed, String checkId,
                              Optional<ResolvedVersion> version, Findings findings) {
        Optional<ModuleEvaluator.Binding> binding = django.definiteSetting(setting);
        if (binding.isEmpty()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String policy : policies(binding.get().value())) {
            if (!allowed.contains(policy)) {
                unknown.add("`" + policy + "`");
            }
        }
        if (!unknown.isEmpty()) {
            findings.report(binding.get().at(), setting + " holds " + String.join(", ", unknown) + ", which browsers do not know,"
                    + " so they ignore the " + header + " header Django sends (" + checkId + "); use one of "
                    + String.join(", ", allowed.stream().sorted().toList()),
                    AppFacts.evidence(binding.get(), version.stream().toArray(ResolvedVersion[]::new)));
        }
    }

    /** The policies a value names: a comma-separated string or a list of strings; nothing when it is not known. */
    private static List<String> policies(Value value) {
        List<String> policies = new ArrayList<>();
        if (value instanceof Value.Str s) {
            for (String part : s.value().split(",")) {
                policies.add(part.strip());
            }
        } else if (value instanceof Value.Seq seq && seq.items().stream().allMatch(v -> v instanceof Value.Str)) {
            seq.items().forEach(v -> policies.add(((Value.Str) v).value().strip()));
        }
        return policies;
    }
}
