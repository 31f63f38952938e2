package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentMarkerTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "'';3.12;TRUE",
        "sys_platform == \"win32\";3.12;FALSE",
        "sys_platform == 'linux';3.12;TRUE",
        "platform_system == \"Windows\" and python_version >= \"3.6\";3.12;FALSE",
        "os_name == 'nt' or python_version < '3';3.12;FALSE",
        "os_name == 'nt' or python_version < '3';2.7;TRUE",
        "python_version < \"3.12\";3.11 3.12;UNKNOWN",
        "python_version >= \"3.8\";3.10 3.14;TRUE",
        "python_version >= \"3.8\";'';UNKNOWN",
        "platform_machine == \"x86_64\";3.12;UNKNOWN",
        "platform_machine == \"x86_64\" and sys_platform == \"win32\";3.12;FALSE",
        "(sys_platform == \"win32\" or sys_platform == \"cygwin\") and python_version > \"3\";3.12;FALSE",
        "'linux' in sys_platform;3.12;TRUE",
        "sys_platform not in 'win32 cygwin';3.12;TRUE",
        "sys_platform ==;3.12;UNKNOWN",
        "sys_platform == \"win32;3.12;UNKNOWN",
        "poetry_python == \"<3\";3.12;UNKNOWN"})
    void evaluates(String marker, String pythons, EnvironmentMarker.Verdict expected) {
        List<String> candidates = pythons.isEmpty() ? List.of() : Arrays.asList(pythons.split(" "));
        assertEquals(expected, EnvironmentMarker.evaluate(marker, candidates));
    }
}
