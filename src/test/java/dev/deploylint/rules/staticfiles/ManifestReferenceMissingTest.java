package dev.deploylint.rules.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestReferenceMissingTest {

    @Test
    void referencesAreFoundAsDjangoFindsThemOutsideComments() {
        String css = "/* url(a.png) */ @import 'b.css'; .x{background:URL( \"c.png\")} .y{src:url(d.woff)}"
                + " @import url(e.css); .z{background:url(\"broken)}";
        assertEquals(List.of("b.css", "c.png", "d.woff", "e.css"),
                ManifestReferenceMissing.references(css).stream().map(r -> r.url()).toList());
    }

    @Test
    void targetsResolveRelativeToTheCssFile() {
        assertEquals(Optional.of("img/a.png"), ManifestReferenceMissing.target("css/site.css", "../img/a.png?v=1#x"));
        assertEquals(Optional.of("css/b.css"), ManifestReferenceMissing.target("css/site.css", "./b.css"));
        assertEquals(Optional.empty(), ManifestReferenceMissing.target("css/site.css", "../../outside.png"));
        for (String ignored : List.of("#frag", "data:image/png;base64,xx", "https://cdn.example.com/a.css", "//cdn/a.css",
                "/static/a.png", "{{ url }}", "")) {
            assertEquals(Optional.empty(), ManifestReferenceMissing.target("css/site.css", ignored), ignored);
        }
    }
}
