package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.EnvironmentMarker;
import dev.deploylint.project.Project;
import dev.deploylint.rules.data.LargePackages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RQ013: the large packages the app declares (rules/data/large-packages.yaml) add up to Heroku's
 * compressed slug limit or more. torch counts with its CUDA dependencies unless the app installs the
 * CPU-only build (a {@code +cpu} version or the PyTorch CPU index), and then its nvidia-* packages do
 * not come either.
 */
public final class SlugTooLarge implements Rule {

    private static final String TORCH_CPU_INDEX = "download.pytorch.org/whl/cpu";

    @Override
    public String id() {
        return "RQ013";
    }

    private record Weight(Dependency dependency, LargePackages.Entry entry, int mb) {
    }

    @Override
    public void check(Project project, Findings findings) {
        LargePackages table = LargePackages.get();
        boolean torchCpu = torchCpu(project);
        Set<String> seen = new HashSet<>();
        List<Weight> weights = new ArrayList<>();
        for (Dependency dependency : Dependencies.of(project).all()) {
            var entry = table.find(dependency.name());
            if (entry.isEmpty() || !seen.add(dependency.name())
                    || EnvironmentMarker.evaluate(dependency.marker(), List.of()) == EnvironmentMarker.Verdict.FALSE) {
                continue;
            }
            boolean cpu = torchCpu && (dependency.name().equals("torch") || entry.get().prefix());
            if (cpu && entry.get().prefix()) {
                continue; // the CPU build of torch needs no CUDA packages
            }
            weights.add(new Weight(dependency, entry.get(), cpu || dependency.specifier().contains("+cpu")
                    ? entry.get().cpuMb() : entry.get().mb()));
        }
        int total = weights.stream().mapToInt(Weight::mb).sum();
        if (total < table.limitMb() || weights.isEmpty()) {
            return;
        }
        weights.sort(Comparator.comparingInt(Weight::mb).reversed());
        Weight biggest = weights.get(0);
        List<String> parts = weights.stream().limit(4).map(w -> w.dependency().name() + " about " + size(w.mb())).toList();
        Set<String> cures = new LinkedHashSet<>();
        weights.forEach(w -> w.entry().cpu().filter(c -> w.mb() > w.entry().cpuMb())
                .map(c -> c.replace("<version>", w.dependency().pinned().map(Object::toString).orElse("<version>")))
                .ifPresent(cures::add));
        cures.add("keep models and data out of the slug with `.slugignore` (it cannot shrink installed packages)");
        findings.report(biggest.dependency().at(), "the declared packages alone make a slug of about " + size(total)
                + " compressed (" + String.join(", ", parts) + (weights.size() > 4 ? ", ..." : "") + "), past Heroku's "
                + table.limitMb() + " MB limit, so the build is rejected with \"Compiled slug size ... is too large\"; "
                + String.join("; ", cures));
    }

    private static boolean torchCpu(Project project) {
        Set<String> files = new LinkedHashSet<>(List.of("requirements.txt", "pyproject.toml", "Pipfile", "uv.lock", "poetry.lock"));
        Dependencies.of(project).all().forEach(d -> files.add(d.at().path()));
        return files.stream().anyMatch(path -> project.text(path)
                .map(f -> f.text().toLowerCase(Locale.ROOT).contains(TORCH_CPU_INDEX)).orElse(false));
    }

    private static String size(int mb) {
        return mb >= 1000 ? String.format(Locale.ROOT, "%.1f GB", mb / 1000.0) : mb + " MB";
    }
}
