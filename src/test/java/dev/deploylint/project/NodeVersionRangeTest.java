package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.project.NodeVersionRange.Kind;
import org.junit.jupiter.api.Test;

class NodeVersionRangeTest {

    @Test
    void commonBoundedForms() {
        for (String range : new String[] {"24.x", "24.X", "^22", "~22.5", "22.5.1", "v22.5.1", "=22.5.1", ">=20 <23", ">= 20 < 23",
                "20 - 22", "^20 || ^22", "22.x || 24.x", "20.0.0-beta.1", "<=22", "~> 22.1"}) {
            assertEquals(Kind.BOUNDED, NodeVersionRange.judge(range), range);
        }
    }

    @Test
    void openEndedRangesAreWide() {
        for (String range : new String[] {"*", "x", "", ">=20", "> 18", "^22 || >=24", ">=20 <*", "20 - *"}) {
            assertEquals(Kind.WIDE, NodeVersionRange.judge(range), range);
        }
    }

    @Test
    void invalidRanges() {
        for (String range : new String[] {"node 22", "twenty", "22.x.x.x", ">=>20", "^v", "22,24", "22.05", "lts/*", "20 - 22 - 24",
                "^22 ||| 24"}) {
            assertEquals(Kind.INVALID, NodeVersionRange.judge(range), range);
        }
    }
}
