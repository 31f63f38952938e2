package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Location;
import dev.deploylint.rules.AppFacts;
import java.util.Arrays;
import java.util.Optional;

/** What the security rules share: definite values of production settings and environment-driven ones. */
final class SecuritySettings {

    private SecuritySettings() {
    }

    /** The binding of {@code name} when it is set on every path through the settings. */
    static Optional<ModuleEvaluator.Binding> definite(DjangoProject django, String name) {
        return django.setting(name).filter(b -> !b.conditional());
    }

    /** TRUE or FALSE when {@code name} is certainly true or false in production; null when it depends. */
    static Boolean truth(DjangoProject django, String name, boolean defaultValue) {
        if (django.definitelyUnset(name)) {
            return defaultValue;
        }
        return definite(django, name).map(b -> Value.truth(b.value())).orElse(null);
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
