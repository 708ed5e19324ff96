package org.cppcc.members.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.cppcc.members.roster.MemberService.JoinMember;
import org.cppcc.members.roster.MemberService.Upsert;
import org.cppcc.platform.imports.Tables;
import org.cppcc.platform.problem.ProblemException;
import org.cppcc.platform.problem.Problems;

import java.util.ArrayList;
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

    public static final String XLSX = Tables.XLSX;
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
        List<List<String>> table = Tables.read(content, mediaType, "roster");
        if (table.isEmpty()) {
            throw Problems.badRequest("the file is empty: the first row must name the columns");
        }
        Tables.Header columns = Tables.header(table.get(0), COLUMNS, List.of("username", "name"));
        if (table.size() - 1 > MAX_ROWS) {
            throw Problems.badRequest("at most " + MAX_ROWS + " members per file; split it");
        }
        List<RowResult> results = new ArrayList<>();
        int created = 0, updated = 0, unchanged = 0, rejected = 0;
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (Tables.blank(cells)) {
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

    private RowResult importRow(int rowNumber, List<String> cells, Tables.Header columns) {
        String username = columns.cell(cells, "username");
        try {
            JoinMember m = new JoinMember(columns.cell(cells, "userId"), username, columns.cell(cells, "name"),
                    columns.cell(cells, "gender"), columns.cell(cells, "ethnicity"), columns.cell(cells, "party"),
                    columns.cell(cells, "sector"), columns.cell(cells, "specialCommittee"), columns.cell(cells, "workUnit"),
                    columns.cell(cells, "jobTitle"), yes(columns.cell(cells, "standingCommittee")), columns.cell(cells, "email"),
                    columns.cell(cells, "mobile"), terms(columns.cell(cells, "termsServed")));
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
        return Tables.list(v);
    }

}
