package org.cppcc.members.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cppcc.members.roster.MemberService.JoinMember;
import org.cppcc.members.roster.MemberService.Upsert;
import org.cppcc.platform.problem.ProblemException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bulk import of a roster from CSV or XLSX (first sheet). The first row names the columns, in English or
 * Chinese; each later row is one member. Every row stands alone: a bad row is rejected with its reason and
 * changes nothing, a good row is created or, when its user name is already on the roster, updated.
 */
@ApplicationScoped
public class RosterImport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = 5000;

    public record RowResult(int row, String username, String outcome, String reason) {
    }

    public record Report(int total, int created, int updated, int unchanged, int rejected, List<RowResult> rows) {
    }

    /** Column names accepted for each field (the header is matched case-insensitively). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("userId", List.of("userid", "账号id"));
        COLUMNS.put("username", List.of("username", "用户名", "账号"));
        COLUMNS.put("name", List.of("name", "姓名"));
        COLUMNS.put("gender", List.of("gender", "性别"));
        COLUMNS.put("ethnicity", List.of("ethnicity", "民族"));
        COLUMNS.put("party", List.of("party", "党派"));
        COLUMNS.put("sector", List.of("sector", "界别"));
        COLUMNS.put("specialCommittee", List.of("specialcommittee", "专门委员会", "专委会"));
        COLUMNS.put("workUnit", List.of("workunit", "工作单位"));
        COLUMNS.put("jobTitle", List.of("jobtitle", "职务"));
        COLUMNS.put("standingCommittee", List.of("standingcommittee", "常委"));
        COLUMNS.put("email", List.of("email", "邮箱", "电子邮箱"));
        COLUMNS.put("mobile", List.of("mobile", "手机", "手机号"));
        COLUMNS.put("termsServed", List.of("termsserved", "届别", "任职届别"));
    }

    private final MemberService members;
    private final Validator validator;

    public RosterImport(MemberService members, Validator validator) {
        this.members = members;
        this.validator = validator;
    }

    public Report importFile(byte[] content, String mediaType) {
        List<List<String>> table = mediaType != null && mediaType.startsWith(XLSX) ? readXlsx(content) : readCsv(content);
        if (table.isEmpty()) {
            throw Problems.badRequest("the file is empty: the first row must name the columns");
        }
        Map<String, Integer> columns = header(table.get(0));
        if (table.size() - 1 > MAX_ROWS) {
            throw Problems.badRequest("at most " + MAX_ROWS + " members per file; split it");
        }
        List<RowResult> results = new ArrayList<>();
        int created = 0, updated = 0, unchanged = 0, rejected = 0;
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            RowResult r = importRow(i + 1, cells, columns);
            results.add(r);
            switch (r.outcome()) {
                case "CREATED" -> created++;
                case "UPDATED" -> updated++;
                case "UNCHANGED" -> unchanged++;
                default -> rejected++;
            }
        }
        return new Report(results.size(), created, updated, unchanged, rejected, results);
    }

    private RowResult importRow(int rowNumber, List<String> cells, Map<String, Integer> columns) {
        String username = cell(cells, columns, "username");
        try {
            JoinMember m = new JoinMember(cell(cells, columns, "userId"), username, cell(cells, columns, "name"),
                    cell(cells, columns, "gender"), cell(cells, columns, "ethnicity"), cell(cells, columns, "party"),
                    cell(cells, columns, "sector"), cell(cells, columns, "specialCommittee"), cell(cells, columns, "workUnit"),
                    cell(cells, columns, "jobTitle"), yes(cell(cells, columns, "standingCommittee")), cell(cells, columns, "email"),
                    cell(cells, columns, "mobile"), terms(cell(cells, columns, "termsServed")));
            var violations = validator.validate(m);
            if (!violations.isEmpty()) {
                return new RowResult(rowNumber, username, "REJECTED", violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
            }
            Upsert outcome = QuarkusTransaction.requiringNew().call(() -> members.upsert(m));
            return new RowResult(rowNumber, username, outcome.name(), null);
        } catch (ProblemException e) {
            return new RowResult(rowNumber, username, "REJECTED", e.problem().detail());
        } catch (IllegalArgumentException e) {
            return new RowResult(rowNumber, username, "REJECTED", e.getMessage());
        } catch (RuntimeException e) {
            if (Problems.isConcurrentEdit(e)) {
                return new RowResult(rowNumber, username, "REJECTED", "this member was changed by someone else meanwhile; import the row again");
            }
            throw e;
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i) == null ? "" : names.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            for (var e : COLUMNS.entrySet()) {
                if (e.getValue().contains(n)) {
                    columns.put(e.getKey(), i);
                }
            }
        }
        if (!columns.containsKey("username") || !columns.containsKey("name")) {
            throw Problems.badRequest("the first row must name the columns; username (用户名) and name (姓名) are required. Known columns: "
                    + COLUMNS.values().stream().map(v -> v.get(0) + "/" + v.get(1)).collect(Collectors.joining(", ")));
        }
        return columns;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String field) {
        Integer i = columns.get(field);
        if (i == null || i >= cells.size() || cells.get(i) == null || cells.get(i).isBlank()) {
            return null;
        }
        return cells.get(i).strip();
    }

    private static boolean yes(String v) {
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "是", "true", "yes", "y", "1" -> true;
            case "否", "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("standingCommittee must be 是 or 否, not '" + v + "'");
        };
    }

    private static List<String> terms(String v) {
        return v == null ? List.of() : Arrays.stream(v.split("[;；、,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<List<String>> readCsv(byte[] content) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            io.quarkus.logging.Log.infof("unreadable CSV roster: %s", e.toString()); // the parser's words are for the log
            throw Problems.badRequest("not a readable CSV file: save it as UTF-8, comma-separated, with one header row");
        }
    }

    private static List<List<String>> readXlsx(byte[] content) {
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
            io.quarkus.logging.Log.infof("unreadable XLSX roster: %s", e.toString());
            throw Problems.badRequest("not a readable XLSX workbook: save it from Excel or WPS as .xlsx, roster on the first sheet");
        }
    }
}
