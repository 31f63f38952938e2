package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the security rules share: definite values of production settings and environment-driven ones. */
final class SecuritySettings {

    static final String SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware";
    static final String SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware";
    static final String CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware";
    static final String CLICKJACKING_MIDDLEWARE = "django.middleware.clickjacking.XFrameOptionsMiddleware";

    private SecuritySettings() {
    }

    /**
     * "the settings module `mysite.settings.prod`": the module deploylint evaluated, named as it is, since
     * it is not always the one production runs (a dev module may be the only one found).
     */
    static String settingsName(DjangoProject django) {
        return django.settingsModule().map(module -> "the settings module `" + module.name() + "`").orElse("the settings");
    }

    /** TRUE or FALSE when {@code name} is certainly true or false in production; null when it depends. */
    static Boolean truth(DjangoProject django, String name, boolean defaultValue) {
        if (django.definitelyUnset(name)) {
            return defaultValue;
        }
        return django.definiteSetting(name).map(b -> Value.truth(b.value())).orElse(null);
    }

    /**
     * Django before 1.8.16, 1.9.11 and 1.10.3 did not check the Host header at all when DEBUG was True
     * (CVE-2016-9014, Django 1.10.3 release notes); later versions allow only localhost names then.
     */
    static boolean debugSkipsHostCheck(ResolvedVersion django) {
        return django.isBelow("1.8.16") || django.isAtLeast("1.9") && django.isBelow("1.9.11")
                || django.isAtLeast("1.10") && django.isBelow("1.10.3");
    }

    /** A middleware list of plain strings, with the binding that set it (null when it is Django's empty default). */
    record Middleware(String name, List<String> paths, ModuleEvaluator.Binding binding) {

        boolean has(String path) {
            return paths.contains(path);
        }

        /** True when sessions are in use, which makes Django check the session cookie's flags. */
        boolean usesSessions(Project project) {
            return has(SESSION_MIDDLEWARE) || AppFacts.installedApp(project, "django.contrib.sessions");
        }
    }

    /**
     * The middleware Django runs in production, when deploylint knows it: MIDDLEWARE, or MIDDLEWARE_CLASSES
     * when MIDDLEWARE is unset and the app pins a Django older than 2.0; an unset MIDDLEWARE is Django's
     * empty default. Empty when the list is computed, conditional or holds something other than strings.
     */
    static Optional<Middleware> middleware(Project project, DjangoProject django) {
        if (django.definitelyUnset("MIDDLEWARE")) {
            if (ResolvedVersion.of(project, "django").filter(v -> v.isBelow("2.0")).isPresent()) {
                return django.definiteSetting("MIDDLEWARE_CLASSES").flatMap(b -> strings(b).map(l -> new Middleware("MIDDLEWARE_CLASSES", l, b)));
            }
            return Optional.of(new Middleware("MIDDLEWARE", List.of(), null));
        }
        return django.definiteSetting("MIDDLEWARE").flatMap(b -> strings(b).map(l -> new Middleware("MIDDLEWARE", l, b)));
    }

    private static Optional<List<String>> strings(ModuleEvaluator.Binding binding) {
        if (!(binding.value() instanceof Value.Seq seq) || !seq.items().stream().allMatch(v -> v instanceof Value.Str)) {
            return Optional.empty();
        }
        return Optional.of(seq.items().stream().map(v -> ((Value.Str) v).value()).toList());
    }

    /** Where a finding about the whole settings module goes: its first line. */
    static Location settingsStart(DjangoProject django) {
        return Location.startOf(django.settingsPath().orElseThrow());
    }

    /** Where the binding took effect, followed by {@code more} (a version, the web command). */
    static Evidence[] evidence(ModuleEvaluator.Binding binding, Evidence... more) {
        Evidence[] tookEffect = AppFacts.tookEffect(binding);
        Evidence[] all = Arrays.copyOf(tookEffect, tookEffect.length + more.length);
        System.arraycopy(more, 0, all, tookEffect.length, more.length);
        return all;
    }
}
