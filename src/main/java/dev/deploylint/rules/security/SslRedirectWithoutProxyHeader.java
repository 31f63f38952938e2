package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.rules.PythonEdits;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DJ008: SECURE_SSL_REDIRECT is True, SECURE_PROXY_SSL_HEADER is unset, and the web server does
 * not tell Django that the Heroku router received HTTPS, so every request is redirected to itself.
 * gunicorn is not reported: the classic Python buildpack exports {@code FORWARDED_ALLOW_IPS='*'}
 * (vendor/python.gunicorn.sh, v351). uvicorn is not reported either: it trusts proxy headers by
 * default from the addresses in that same variable (uvicorn --forwarded-allow-ips help text).
 */
public final class SslRedirectWithoutProxyHeader implements Rule {

    /** Servers that ignore X-Forwarded-Proto unless the option beside them is given. */
    private static final Map<String, List<String>> SERVERS = Map.of(
            "daphne", List.of("--proxy-headers"),
            "waitress-serve", List.of("--trusted-proxy"),
            "uvicorn", List.of());

    @Override
    public String id() {
        return "DJ008";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> redirect = django.definiteSetting("SECURE_SSL_REDIRECT");
        if (redirect.isEmpty() || !Boolean.TRUE.equals(Value.truth(redirect.get().value()))
                || !django.definitelyUnset("SECURE_PROXY_SSL_HEADER")) {
            return;
        }
        Optional<ProcessCommand.Invocation> server = webServer(project);
        if (server.isEmpty()) {
            return;
        }
        ProcessCommand.Invocation web = server.get();
        findings.report(redirect.get().at(), "SECURE_SSL_REDIRECT is True but SECURE_PROXY_SSL_HEADER is not set and "
                + web.programName() + " does not pass on the Heroku router's `X-Forwarded-Proto`, so Django sees every request"
                + " as plain HTTP and redirects it to itself forever; set"
                + " `SECURE_PROXY_SSL_HEADER = (\"HTTP_X_FORWARDED_PROTO\", \"https\")`", proxyHeader(project, redirect.get()),
                SecuritySettings.evidence(redirect.get(), new Evidence(web.program().at(), "the web process runs " + web.programName())));
    }

    /** Sets the header on the line before SECURE_SSL_REDIRECT, in the module and block that set it. */
    private static Fix proxyHeader(Project project, ModuleEvaluator.Binding redirect) {
        return PythonEdits.statement(project, redirect).map(statement -> statement.insertBefore(
                Fix.builder("set SECURE_PROXY_SSL_HEADER before SECURE_SSL_REDIRECT in " + redirect.at().path()),
                "SECURE_PROXY_SSL_HEADER = (" + PythonEdits.literal(statement.file(), "HTTP_X_FORWARDED_PROTO") + ", "
                        + PythonEdits.literal(statement.file(), "https") + ")").build()).orElse(null);
    }

    private static Optional<ProcessCommand.Invocation> webServer(Project project) {
        return Procfile.of(project).flatMap(p -> p.process("web"))
                .flatMap(web -> web.parsed().invocations().stream().filter(i -> SERVERS.containsKey(i.programName())).findFirst())
                .filter(i -> i.programName().equals("uvicorn")
                        ? i.args().stream().anyMatch(a -> a.text().equals("--no-proxy-headers"))
                        : SERVERS.get(i.programName()).stream().noneMatch(option -> i.args().stream()
                                .anyMatch(a -> a.text().equals(option) || a.text().startsWith(option + "="))));
    }
}
