package dev.deploylint.rules.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaOnEphemeralDiskTest {

    private static List<String> fields(String source) {
        return UploadFields.of(PythonParser.parse(SourceFile.of("app/models.py", source))).stream()
                .map(f -> f.model() + "." + f.name() + ":" + f.type() + "@" + f.call().at().line() + ":" + f.call().at().column())
                .toList();
    }

    @Test
    void findsDjangoUploadFieldsThroughTheModulesImports() {
        assertEquals(List.of("A.f:FileField@9:9", "A.g:ImageField@10:9", "A.h:FileField@11:9", "A.i:ImageField@12:9",
                        "A.j:FileField@13:17", "A.k:ImageField@14:9"),
                fields("""
                        import django.db.models
                        import django.db.models as dm
                        from django.contrib.gis.db import models
                        from django.db.models import FileField as Upload
                        from django.db.models.fields.files import ImageField


                        class A(models.Model):
                            f = models.FileField(upload_to="a/")
                            g = models.ImageField()
                            h = django.db.models.FileField()
                            i = dm.ImageField()
                            j: Upload = Upload(upload_to="j/")
                            k = ImageField(blank=True)
                        """));
    }

    @Test
    void starImportsCountOnlyWhenNothingElseMayDefineTheName() {
        assertEquals(List.of("A.f:FileField@5:9"), fields("""
                from django.db.models import *


                class A(Model):
                    f = FileField()
                """));
        assertEquals(List.of(), fields("""
                from django.db.models import *
                from .fields import *


                class A(Model):
                    f = FileField()
                """));
    }

    @Test
    void ignoresFieldsWithTheirOwnStorageAndOtherFileFields() {
        assertEquals(List.of(), fields("""
                from django import forms
                from django.db import models
                from cloudinary.models import CloudinaryField
                from .fields import ImageField

                opts = {"storage": None}


                class A(models.Model):
                    a = models.FileField(storage=private_storage)
                    b = models.FileField("A", "a", "a/", private_storage)
                    c = models.FileField(**opts)
                    d = forms.FileField()
                    e = CloudinaryField("image")
                    f = ImageField()
                    g = [models.FileField()]

                    def h(self):
                        x = models.FileField()


                def factory():
                    return models.FileField()
                """));
    }

    @Test
    void aNameRedefinedInTheModuleIsNotDjangos() {
        assertEquals(List.of("A.f:FileField@5:9"), fields("""
                from django.db import models


                class A(models.Model):
                    f = models.FileField()


                class FileField(models.FileField):
                    pass


                models = None


                class B:
                    f = models.FileField()
                """));
    }
}
