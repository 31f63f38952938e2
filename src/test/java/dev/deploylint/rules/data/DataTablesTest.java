package dev.deploylint.rules.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTablesTest {

    @Test
    void everyTableSaysWhenItWasChecked() {
        assertEquals(DataTables.TABLES.size(), DataTables.checkedDates().size());
    }

    @Test
    void tablesOlderThanHalfAYearGetANote() {
        List<DataTables.Checked> dates = List.of(new DataTables.Checked("rules/data/x.yaml", LocalDate.of(2026, 1, 1)));
        assertTrue(DataTables.staleNotes(dates, LocalDate.of(2026, 6, 30)).isEmpty());
        List<String> notes = DataTables.staleNotes(dates, LocalDate.of(2026, 7, 1));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("note: rules/data/x.yaml was last checked on 2026-01-01, 181 days ago"), notes.get(0));
    }
}
