package dev.deploylint.rules.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportNamesTest {

    @Test
    void mapsModulesToTheDistributionsTheIssueNames() {
        ImportNames table = ImportNames.get();
        assertEquals(List.of("djangorestframework"), table.providers("rest_framework").orElseThrow().distributions());
        assertEquals(List.of("django-storages"), table.providers("storages").orElseThrow().distributions());
        assertEquals(List.of("django-cors-headers"), table.providers("corsheaders").orElseThrow().distributions());
        assertEquals(List.of("django-crispy-forms"), table.providers("crispy_forms").orElseThrow().distributions());
        assertTrue(table.providers("some_private_app").isEmpty());
        assertTrue(table.providers("django").isEmpty());
    }

    @Test
    void aDependentDistributionCountsAndNamesAreComparedNormalised() {
        ImportNames.Providers whitenoise = ImportNames.get().providers("whitenoise").orElseThrow();
        assertTrue(whitenoise.installedBy("WhiteNoise"));
        assertTrue(whitenoise.installedBy("django_heroku"));
        assertTrue(whitenoise.installedBy("django-on-heroku"));
        assertFalse(whitenoise.installedBy("gunicorn"));
        ImportNames.Providers rest = ImportNames.get().providers("rest_framework").orElseThrow();
        assertTrue(rest.installedBy("dj-rest-auth"));
        assertTrue(rest.installedBy("drf-yasg"));
        assertFalse(rest.installedBy("django"));
    }

    @Test
    void everyEntryNamesAtLeastOneDistribution() {
        for (String module : List.of("rest_framework", "debug_toolbar", "allauth", "django_extensions", "storages", "whitenoise")) {
            assertFalse(ImportNames.get().providers(module).orElseThrow().distributions().isEmpty(), module);
        }
        assertEquals("2026-12-07", ImportNames.get().checked());
    }
}
