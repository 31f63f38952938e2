package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Severity;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DJ019: a non-empty ALLOWED_HOSTS of literal hosts that no request to the Heroku app carries: only
 * this machine's names and addresses, or other platforms' domains. A list with a custom domain is
 * a note: that domain works once added to the app, only the herokuapp.com address answers 400.
 */
public final class AllowedHostsExcludeHeroku implements Rule {

    private static final List<String> LOCAL_NAMES = List.of("localhost", ".localhost", "testserver", "[::1]", "::1", "[::]", "::");
    /** Domains of other hosting platforms, which never route to a Heroku dyno. */
    private static final List<String> OTHER_PLATFORMS = List.of("pythonanywhere.com", "railway.app", "fly.dev", "onrender.com",
            "vercel.app", "netlify.app", "azurewebsites.net", "appspot.com", "elasticbeanstalk.com", "ondigitalocean.app",
            "koyeb.app", "ngrok.io", "ngrok-free.app", "ngrok.app", "repl.co", "replit.app", "replit.dev", "glitch.me", "github.io",
            "herokuapps.com");
    private static final int SHOWN = 4;

    @Override
    public String id() {
        return "DJ019";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> binding = django.definiteSetting("ALLOWED_HOSTS");
        if (binding.isEmpty() || !(binding.get().value() instanceof Value.Seq seq) || seq.items().isEmpty()
                || !seq.items().stream().allMatch(item -> item instanceof Value.Str)) {
            return;
        }
        List<String> hosts = seq.items().stream().map(item -> ((Value.Str) item).value()).toList();
        if (hosts.stream().anyMatch(AllowedHostsExcludeHeroku::matchesHeroku)) {
            return;
        }
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (djangoVersion.filter(v -> v.isBelow("1.4.4")).isPresent()) {
            // ALLOWED_HOSTS arrived in Django 1.4.4 and 1.5; older releases never check the Host header
            return;
        }
        List<String> custom = new ArrayList<>();
        for (String host : hosts) {
            if (!isLocal(host) && otherPlatform(host).isEmpty()) {
                custom.add(host);
            }
        }
        ModuleEvaluator.Binding hostsBinding = binding.get();
        boolean debugOff = Boolean.FALSE.equals(SecuritySettings.truth(django, "DEBUG", false));
        boolean debugSkipsCheck = !debugOff && djangoVersion.isPresent() && SecuritySettings.debugSkipsHostCheck(djangoVersion.get());
        if (!custom.isEmpty()) {
            findings.report(Severity.NOTE, hostsBinding.at(), "ALLOWED_HOSTS has no herokuapp.com host, so the app's herokuapp.com"
                    + " address answers 400 Bad Request" + (debugSkipsCheck ? " as soon as DEBUG is False" : "") + " and only "
                    + shown(custom) + " can reach it; add `\".herokuapp.com\"` if you use that address", SecuritySettings.evidence(hostsBinding));
            return;
        }
        String what = "ALLOWED_HOSTS holds only " + shown(hosts) + " (" + kinds(hosts) + "), never the host of a request to"
                + " Heroku";
        String fix = "add `\".herokuapp.com\"` (or `\"myapp.herokuapp.com\"` and your custom domains), or read the hosts from a"
                + " config var";
        List<String> otherModules = django.otherProductionModules();
        if (!otherModules.isEmpty()) {
            findings.report(Severity.NOTE, hostsBinding.at(), what + ", so every request gets 400 Bad Request if Heroku runs "
                    + SecuritySettings.settingsName(django) + "; make sure DJANGO_SETTINGS_MODULE names the production module (`"
                    + otherModules.get(0) + "`) or " + fix, SecuritySettings.evidence(hostsBinding));
            return;
        }
        if (debugSkipsCheck) {
            findings.report(Severity.WARNING, hostsBinding.at(), what + ", so " + djangoVersion.get().describe() + " rejects every"
                    + " request with 400 Bad Request as soon as DEBUG is False; " + fix,
                    SecuritySettings.evidence(hostsBinding, djangoVersion.get().evidence()));
            return;
        }
        findings.report(hostsBinding.at(), what + ", so Django rejects every request with 400 Bad Request (DisallowedHost); "
                + fix, SecuritySettings.evidence(hostsBinding));
    }

    /** {@code *}, or any pattern naming herokuapp.com (the exact match rules are Django's; deploylint does not second-guess them). */
    private static boolean matchesHeroku(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        return h.equals("*") || h.contains("herokuapp.com") && !h.contains("herokuapps.com");
    }

    /** This machine's names, loopback and unspecified addresses, and any IP literal: the Heroku router routes by domain name. */
    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        return LOCAL_NAMES.contains(h) || h.endsWith(".localhost") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.startsWith("[");
    }

    private static Optional<String> otherPlatform(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        String bare = h.startsWith(".") ? h.substring(1) : h;
        return OTHER_PLATFORMS.stream().filter(domain -> bare.equals(domain) || bare.endsWith("." + domain)).findFirst();
    }

    private static String kinds(List<String> hosts) {
        boolean local = hosts.stream().anyMatch(AllowedHostsExcludeHeroku::isLocal);
        List<String> platforms = hosts.stream().map(AllowedHostsExcludeHeroku::otherPlatform).flatMap(Optional::stream).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (local) {
            parts.add("local names and IP addresses");
        }
        if (platforms.contains("herokuapps.com")) {
            parts.add("`herokuapps.com`, a misspelling of Heroku's `herokuapp.com`");
        }
        if (platforms.stream().anyMatch(p -> !p.equals("herokuapps.com"))) {
            parts.add("other platforms' domains");
        }
        return String.join(" and ", parts);
    }

    private static String shown(List<String> hosts) {
        String listed = hosts.stream().limit(SHOWN).map(h -> "`" + h + "`").collect(Collectors.joining(", "));
        return hosts.size() > SHOWN ? listed + " and " + (hosts.size() - SHOWN) + " more" : listed;
    }
}
