package dev.deploylint.rules;

import dev.deploylint.lint.Evidence;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Project;
import dev.deploylint.project.Version;
import dev.deploylint.project.VersionSpecifier;
import dev.deploylint.rules.data.PackageReleases;
import java.util.List;
import java.util.Optional;

/**
 * The version of a package the build will install, shared by every rule that judges versions:
 * exact when the app pins or locks it, otherwise the newest release in
 * {@code rules/data/package-releases.yaml} that its constraint allows ("unpinned means latest").
 */
public record ResolvedVersion(Version version, Dependency dependency, boolean exact) {

    /** The resolved version of {@code name}; empty when it is not declared or its constraint is not understood. */
    public static Optional<ResolvedVersion> of(Project project, String name) {
        Optional<Dependency> declared = Dependencies.of(project).find(name);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Dependency dependency = declared.get();
        if (dependency.pinned().isPresent()) {
            return Optional.of(new ResolvedVersion(dependency.pinned().get(), dependency, true));
        }
        Optional<VersionSpecifier> specifier = VersionSpecifier.parse(dependency.specifier());
        if (specifier.isEmpty()) {
            return Optional.empty();
        }
        List<Version> known = PackageReleases.get().of(name);
        for (int i = known.size() - 1; i >= 0; i--) {
            if (specifier.get().allows(known.get(i))) {
                return Optional.of(new ResolvedVersion(known.get(i), dependency, false));
            }
        }
        return Optional.empty();
    }

    public boolean isBelow(String other) {
        return version.isBelow(other);
    }

    public boolean isAtLeast(String other) {
        return version.isAtLeast(other);
    }

    /** "whitenoise 6.9.0" or "whitenoise 6.12.0 (the newest release `>=6` allows)". */
    public String describe() {
        if (exact) {
            return dependency.name() + " " + version;
        }
        String range = dependency.specifier().isEmpty() ? "an unpinned requirement" : "`" + dependency.specifier() + "`";
        return dependency.name() + " " + version + " (the newest release " + range + " allows)";
    }

    /**
     * Evidence pointing at the declaration: "because whitenoise==6.9.0" or "because whitenoise>=6 installs 6.12.0";
     * the reporters add the declaration's place.
     */
    public Evidence evidence() {
        return new Evidence(dependency.at(), "because " + dependency.describe() + (exact ? "" : " installs " + version));
    }
}
