package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileTest {

    private static Dockerfile parse(String text) {
        return Dockerfile.parse(SourceFile.of("Dockerfile", text));
    }

    private static Optional<String> python(String text) {
        return parse(text).python().map(PythonVersionFiles.Declared::text);
    }

    @Test
    void readsFromEnvAndExecFormCmdWithLocations() {
        Dockerfile file = parse("# syntax=docker/dockerfile:1\nFROM --platform=linux/amd64 python:3.12-slim\n"
                + "ENV DJANGO_SETTINGS_MODULE=mysite.settings.production PYTHONUNBUFFERED=\"1\"\n"
                + "ENV LEGACY some value\nCMD [\"gunicorn\", \"mysite.wsgi\"]\n");
        Dockerfile.Stage stage = file.finalStage().orElseThrow();
        assertEquals(new Dockerfile.Image("python:3.12-slim", new Location("Dockerfile", 2, 29)), stage.from());
        assertEquals(List.of(
                new Dockerfile.Env("DJANGO_SETTINGS_MODULE", "mysite.settings.production", new Location("Dockerfile", 3, 1)),
                new Dockerfile.Env("PYTHONUNBUFFERED", "1", new Location("Dockerfile", 3, 1)),
                new Dockerfile.Env("LEGACY", "some value", new Location("Dockerfile", 4, 1))), stage.env());
        Dockerfile.Command cmd = file.command().orElseThrow();
        assertTrue(cmd.execForm());
        assertEquals(List.of("gunicorn", "mysite.wsgi"), cmd.words());
        assertEquals(new Location("Dockerfile", 5, 1), cmd.at());
        assertEquals(Optional.of(new PythonVersionFiles.Declared("3.12", 3, 12, null, new Location("Dockerfile", 2, 29))),
                file.python());
    }

    @Test
    void shellFormAndContinuationLines() {
        Dockerfile file = parse("FROM python:3.11\nCMD gunicorn mysite.wsgi \\\n  # a comment inside\n    --bind 0.0.0.0:$PORT\n");
        Dockerfile.Command cmd = file.command().orElseThrow();
        assertFalse(cmd.execForm());
        assertEquals("gunicorn mysite.wsgi     --bind 0.0.0.0:$PORT", cmd.text());
        assertEquals(new Location("Dockerfile", 2, 1), cmd.at());
        Dockerfile broken = parse("FROM python:3.11\nCMD [\"gunicorn\", mysite.wsgi]\n");
        assertFalse(broken.command().orElseThrow().execForm(), "not valid JSON, so Docker runs it as a shell command");
        assertEquals(new Location("Dockerfile", 2, 1),
                parse("FROM python:3.11\nENTRYPOINT [\"./start.sh\"]\n").command().orElseThrow().at());
    }

    @Test
    void multiStageUsesTheLastStageAndFollowsStageNames() {
        String text = "FROM node:22 AS assets\nRUN npm run build\nFROM python:3.13-slim AS base\nENV A=1\nCMD [\"x\"]\n"
                + "FROM base AS final\nCOPY --from=assets /app/dist /app/dist\n";
        Dockerfile file = parse(text);
        assertEquals(3, file.stages().size());
        assertEquals(Optional.of("final"), file.finalStage().orElseThrow().name());
        assertEquals("python:3.13-slim", file.baseImage().orElseThrow().reference());
        assertEquals(Optional.of("3.13"), python(text));
        assertTrue(file.command().isEmpty(), "the last stage sets no CMD of its own");
        assertEquals(Optional.of("3.12"), python("FROM python:3.11 AS build\nFROM python:3.12-slim\n"));
    }

    @Test
    void pythonOnlyFromAnOfficialImageWithAMinorVersion() {
        assertEquals(Optional.of("3.12.4"), python("FROM python:3.12.4-slim-bookworm\n"));
        assertEquals(Optional.of("3.10"), python("from docker.io/library/python:3.10-alpine as app\n"));
        assertEquals(Optional.empty(), python("FROM python:3\n"));
        assertEquals(Optional.empty(), python("FROM python\n"));
        assertEquals(Optional.empty(), python("FROM python:latest\n"));
        assertEquals(Optional.empty(), python("ARG PY=3.12\nFROM python:${PY}-slim\n"));
        assertEquals(Optional.empty(), python("FROM ubuntu:24.04\n"));
        assertEquals(Optional.empty(), python("FROM myorg/python:3.12\n"));
        assertEquals(Optional.empty(), python("FROM python@sha256:0123\n"));
        assertEquals(Optional.empty(), python(""));
    }

    @Test
    void escapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile file = parse("# escape=`\nFROM python:3.12\nCMD gunicorn `\n  mysite.wsgi\n");
        assertEquals("gunicorn   mysite.wsgi", file.command().orElseThrow().text());
    }
}
