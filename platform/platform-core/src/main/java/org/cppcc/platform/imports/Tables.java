package org.cppcc.platform.imports;

import io.quarkus.logging.Log;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cppcc.platform.problem.Problems;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables offices upload (a roster, the handling units): CSV in UTF-8 or XLSX (first sheet), a header row
 * naming the columns in English or Chinese, one item per later row. What a parser says stays in the log;
 * the office reads a stable sentence.
 */
public final class Tables {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    /** A header matched to fields: field → column index. */
    public record Header(Map<String, Integer> columns) {

        /** The stripped cell of a field in a row, or null when absent or blank. */
        public String cell(List<String> cells, String field) {
            Integer i = columns.get(field);
            if (i == null || i >= cells.size() || cells.get(i) == null || cells.get(i).isBlank()) {
                return null;
            }
            return cells.get(i).strip();
        }
    }

    private Tables() {
    }

    /** Rows of the file (header first), read as CSV or XLSX by its media type; 400 when it cannot be read. */
    public static List<List<String>> read(byte[] content, String mediaType, String what) {
        return mediaType != null && mediaType.startsWith(XLSX) ? readXlsx(content, what) : readCsv(content, what);
    }

    /**
     * Matches the header row against the accepted names of each field (case-insensitive); 400 when a required
     * field has no column, naming the columns it knows.
     */
    public static Header header(List<String> names, Map<String, List<String>> accepted, List<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i) == null ? "" : names.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            for (var e : accepted.entrySet()) {
                if (e.getValue().contains(n)) {
                    columns.put(e.getKey(), i);
                }
            }
        }
        if (!columns.keySet().containsAll(required)) {
            throw Problems.badRequest("the first row must name the columns; required: " + required.stream()
                    .map(f -> accepted.get(f).get(0) + " (" + accepted.get(f).get(1) + ")").collect(Collectors.joining(", "))
                    + ". Known columns: " + accepted.values().stream().map(v -> v.get(0) + "/" + v.get(1)).collect(Collectors.joining(", ")));
        }
        return new Header(columns);
    }

    /** A cell listing several values: 张三;李四、王五 → [张三, 李四, 王五]. */
    public static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("[;；、,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static List<List<String>> readCsv(byte[] content, String what) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            Log.infof("unreadable CSV %s: %s", what, e.toString());
            throw Problems.badRequest("not a readable CSV file: save it as UTF-8, comma-separated, with one header row");
        }
    }

    private static List<List<String>> readXlsx(byte[] content, String what) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getFirstSheet();
            List<List<String>> rows = new ArrayList<>();
            for (Row r : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellAsString(i).orElse(null));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            Log.infof("unreadable XLSX %s: %s", what, e.toString());
            throw Problems.badRequest("not a readable XLSX workbook: save it from Excel or WPS as .xlsx, the table on the first sheet");
        }
    }
}
