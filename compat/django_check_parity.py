"""Runs Django's own `manage.py check --deploy` on every fixture app and compares it with deploylint.

Every security.W*/E* check Django reports for an app must be matched by a deploylint finding of one
of the rules that docs/django-check-parity.md maps it to. Apps Django cannot load (missing modules,
settings that raise) and apps pinning a Django older than 3.0, whose checks and defaults differ from
the 3.2 that Debian ships, are counted and listed, not compared.

Run through compat/django-check-parity, which installs Debian's packages when they are missing.
"""

import argparse
import ast
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAPPING = REPO / "docs" / "django-check-parity.md"
SKIPPED_FOLDERS = {"node_modules", ".venv", "venv", ".git", "__pycache__"}
CHECK_ID = re.compile(r"\((security\.[WE]\d{3})\)")
MAPPING_ROW = re.compile(r"^\|\s*`?(security\.[WE]\d{3})`?\s*\|\s*([^|]*)\|")
RULE_ID = re.compile(r"\b[A-Z]{2}\d{3}\b")
DJANGO_PIN = re.compile(r"^\s*django\s*(?:\[[^\]]*\])?\s*===?\s*(\d+)\.(\d+)", re.IGNORECASE)
# What a deployed app has as config vars: a strong secret key under the names the fixtures read, and the
# Heroku Postgres URL. deploylint is told the same values with --env.
CONFIG_VARS = {
    "DJANGO_SECRET_KEY": "k3Jx9vQ2mL7pR4tW8yB1nC6fH0sD5gA3eZ2uV7iO9qX4wE1rT6yU8pM0lK5jN3bG",
    "SECRET_KEY": "k3Jx9vQ2mL7pR4tW8yB1nC6fH0sD5gA3eZ2uV7iO9qX4wE1rT6yU8pM0lK5jN3bG",
    "DATABASE_URL": "postgres://user:password@localhost:5432/app",
    "DYNO": "web.1",
    "PORT": "5000",
}
# Debian ships dj-database-url 0.5.0; fixtures pass keyword arguments of later versions
# (conn_health_checks, ssl_require). They change only the database entry, never a security check.
SITECUSTOMIZE = '''
import functools, inspect
try:
    import dj_database_url
except ImportError:
    dj_database_url = None
if dj_database_url is not None:
    def _accepting_known_arguments(function):
        known = set(inspect.signature(function).parameters)
        @functools.wraps(function)
        def call(*args, **kwargs):
            return function(*args, **{k: v for k, v in kwargs.items() if k in known})
        return call
    dj_database_url.config = _accepting_known_arguments(dj_database_url.config)
    dj_database_url.parse = _accepting_known_arguments(dj_database_url.parse)
'''


def read_mapping():
    mapping = {}
    for line in MAPPING.read_text(encoding="utf-8").splitlines():
        row = MAPPING_ROW.match(line)
        if row:
            mapping[row.group(1)] = set(RULE_ID.findall(row.group(2)))
    if not mapping:
        sys.exit(f"no mapping rows found in {MAPPING}")
    return mapping


def fixture_apps():
    """App roots under fixtures/ that hold a manage.py, found where the buildpack looks (3 levels)."""
    apps = []
    for manage in sorted((REPO / "fixtures").rglob("manage.py")):
        if SKIPPED_FOLDERS.intersection(manage.parts):
            continue
        apps.append((app_root(manage), manage.parent))
    return sorted(set(apps))


def app_root(manage):
    """The fixture scenario folder: fixtures/<group>/<scenario>, or fixtures/<group> for single apps."""
    relative = manage.relative_to(REPO / "fixtures").parts
    depth = 2 if len(relative) > 2 else 1
    return REPO / "fixtures" / Path(*relative[:depth])


def pinned_django(root):
    """(major, minor) of an exact Django pin in requirements.txt, Pipfile or pyproject.toml, or None."""
    requirements = root / "requirements.txt"
    if requirements.is_file():
        for line in requirements.read_text(encoding="utf-8", errors="replace").splitlines():
            pin = DJANGO_PIN.match(line.split("#", 1)[0])
            if pin:
                return int(pin.group(1)), int(pin.group(2))
    for name, table in (("Pipfile", ("packages",)), ("pyproject.toml", ("project", "dependencies"))):
        path = root / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        for key in table:
            data = data.get(key, {}) if isinstance(data, dict) else {}
        entries = data.items() if isinstance(data, dict) else ((d, "") for d in data if isinstance(d, str))
        for key, value in entries:
            text = f"{key}=={value}" if isinstance(value, str) and value and value[0].isdigit() else f"{key}{value}"
            pin = DJANGO_PIN.match(text.replace(" ", "")) if isinstance(text, str) else None
            if pin:
                return int(pin.group(1)), int(pin.group(2))
    return None


def drop_git_ignored(folder):
    """Deletes what the app's .gitignore keeps out of a push, such as a developer's local_settings.py."""
    git = ["git", "-C", str(folder)]
    subprocess.run(git + ["init", "-q"], check=True)
    listed = subprocess.run(git + ["ls-files", "-z", "--others", "--ignored", "--exclude-standard"],
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / ".git")


def web_settings_module(root):
    """DJANGO_SETTINGS_MODULE as the Procfile's web command sets it (`web: DJANGO_SETTINGS_MODULE=x gunicorn ...`)."""
    procfile = root / "Procfile"
    if not procfile.is_file():
        return None
    for line in procfile.read_text(encoding="utf-8", errors="replace").splitlines():
        name, _, command = line.partition(":")
        if name.strip() != "web":
            continue
        try:
            words = shlex.split(command)
        except ValueError:
            return None
        for word in words:
            if "=" not in word:
                break
            variable, _, value = word.partition("=")
            if variable == "DJANGO_SETTINGS_MODULE":
                return value
    return None


def declared_config_vars(root):
    """The config vars the app itself gives its dynos: app.json env values and the web command's NAME=value prefixes."""
    declared = {}
    app_json = root / "app.json"
    try:
        env = json.loads(app_json.read_text(encoding="utf-8")).get("env", {}) if app_json.is_file() else {}
    except (ValueError, OSError, AttributeError):
        env = {}
    for name, spec in (env.items() if isinstance(env, dict) else []):
        value = spec.get("value") if isinstance(spec, dict) else spec
        if isinstance(value, str):
            declared[name] = value
    procfile = root / "Procfile"
    if procfile.is_file():
        for line in procfile.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("web:"):
                for word in line[len("web:"):].split():
                    prefix = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)=(\S*)", word)
                    if not prefix:
                        break
                    declared[prefix.group(1)] = prefix.group(2)
    return declared


def django_checks(manage_folder, python, shim, settings_module, declared=None):
    """The security check ids Django reports, or (None, reason) when it cannot load the app."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "app"
        shutil.copytree(manage_folder, copy, symlinks=True)
        drop_git_ignored(copy)
        env = {"PATH": "/usr/bin:/bin", "HOME": scratch, "LANG": "C.UTF-8", "PYTHONPATH": str(shim),
               "PYTHONDONTWRITEBYTECODE": "1", **(declared or {}), **CONFIG_VARS}
        if settings_module:
            env["DJANGO_SETTINGS_MODULE"] = settings_module
        try:
            run = subprocess.run([python, "-s", "-B", "manage.py", "check", "--deploy"], cwd=copy, env=env,
                                 capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            return None, "timed out"
    output = run.stdout + run.stderr
    if "System check identified" not in output and "SystemCheckError" not in output:
        lines = [line for line in output.splitlines() if line.strip()]
        return None, lines[-1].strip() if lines else f"exit code {run.returncode}, no output"
    return set(CHECK_ID.findall(output)), None


def deploylint_findings(roots):
    """Per app root: the rule ids deploylint reports and the settings module it evaluated (or None)."""
    command = [str(REPO / "deploylint"), "--format", "json", "--color", "never"]
    for name, value in CONFIG_VARS.items():
        command += ["--env", f"{name}={value}"]
    run = subprocess.run(command + [str(root) for root in roots], capture_output=True, text=True, cwd=REPO)
    if run.returncode not in (0, 1):
        sys.exit(f"deploylint failed with exit code {run.returncode}:\n{run.stderr}")
    report = json.loads(run.stdout)
    by_root = {}
    for app in report["apps"]:
        by_root[(REPO / app["root"]).resolve()] = ({finding["ruleId"] for finding in app["findings"]},
                                                   app.get("settingsModule"))
    return by_root


def empty_module(manage_folder, root, module):
    """True when the settings module has no statements but a docstring or `pass` (say, an empty settings/__init__.py)."""
    relative = Path(*module.split("."))
    for base in (manage_folder, root):
        for candidate in (base / relative.with_suffix(".py"), base / relative / "__init__.py"):
            if candidate.is_file():
                try:
                    body = ast.parse(candidate.read_text(encoding="utf-8", errors="replace")).body
                except (SyntaxError, ValueError):
                    return False
                return all(isinstance(statement, ast.Pass) or isinstance(statement, ast.Expr)
                           and isinstance(statement.value, ast.Constant) for statement in body)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default="/usr/bin/python3", help="the Python that has Debian's Django")
    parser.add_argument("--verbose", action="store_true", help="list every app and the checks Django reported")
    args = parser.parse_args()
    mapping = read_mapping()

    # Django is run with the settings module deploylint evaluated (the web command, --env, app.json,
    # heroku.yml, a Dockerfile ENV, or the production sibling of a dev default), so both judge the same module.
    candidates, skipped = [], []
    for root, manage_folder in fixture_apps():
        name = root.relative_to(REPO).as_posix()
        pin = pinned_django(root)
        if pin is not None and pin < (3, 0):
            skipped.append((name, f"pins Django {pin[0]}.{pin[1]}; Django 3.2's checks differ"))
            continue
        candidates.append((root, manage_folder, name))
    assumed = deploylint_findings([root for root, _, _ in candidates])
    compared, found = {}, {}
    with tempfile.TemporaryDirectory() as shim:
        (Path(shim) / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        for root, manage_folder, name in candidates:
            rules, module = assumed.get(root.resolve(), (set(), None))
            module = module or web_settings_module(root)
            if module and empty_module(manage_folder, root, module):
                skipped.append((name, f"its settings module {module} is empty, which deploylint treats as unknown settings"))
                continue
            # Django runs with the config vars the app declares, as its dynos would; deploylint reads them itself.
            checks, reason = django_checks(manage_folder, args.python, Path(shim), module, declared_config_vars(root))
            if checks is None:
                skipped.append((name, "Django cannot load it: " + reason))
                continue
            compared[root.resolve()] = (name, checks)
            found[root.resolve()] = rules

    misses, unmapped, reported = [], set(), 0
    per_check = collections.Counter()
    beyond = []
    rules_of = collections.defaultdict(set)
    for check, rules in mapping.items():
        for rule in rules:
            rules_of[rule].add(check)
    for root, (name, checks) in sorted(compared.items(), key=lambda item: item[1][0]):
        rules = found.get(root, set())
        if args.verbose:
            print(f"{name}: Django {' '.join(sorted(checks)) or '-'}; deploylint {' '.join(sorted(rules)) or '-'}")
        for rule in sorted(rules & rules_of.keys()):
            if not rules_of[rule] & checks:
                beyond.append(f"{name}: {rule}")
        for check in sorted(checks):
            reported += 1
            per_check[check] += 1
            if check not in mapping:
                unmapped.add(check)
            elif not mapping[check] & rules:
                misses.append(f"{name}: Django reports {check}, deploylint reports none of "
                              f"{', '.join(sorted(mapping[check]))}")

    for name, reason in skipped:
        print(f"not compared: {name}: {reason}")
    version = subprocess.run([args.python, "-c", "import django; print(django.get_version())"],
                             capture_output=True, text=True).stdout.strip()
    print(f"Django {version} check --deploy on {len(compared)} fixture apps "
          f"({len(skipped)} not compared): {reported} security warnings/errors reported, "
          f"{reported - len(misses)} matched by deploylint, {len(misses)} missed")
    print("by check: " + ", ".join(f"{check} {count}" for check, count in sorted(per_check.items())))
    print(f"deploylint reports {len(beyond)} mapped findings Django 3.2 does not (by the pinned version, or values"
          f" Django's check cannot see): {', '.join(beyond) if args.verbose else 'see --verbose'}")
    for miss in misses:
        print("MISSED " + miss)
    for check in sorted(unmapped):
        print(f"UNMAPPED {check}: add it to {MAPPING.relative_to(REPO)}")
    return 1 if misses or unmapped or not compared else 0


if __name__ == "__main__":
    sys.exit(main())
