package org.cppcc.proposals.units;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.cppcc.platform.imports.Tables;
import org.cppcc.platform.problem.ProblemException;
import org.cppcc.platform.problem.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bulk registration of a committee's handling units (承办单位) from CSV or XLSX: a name and its officers' user
 * names per row. Every row stands alone: a unit already registered is left as it is (EXISTS), a bad row is
 * rejected with its reason, a good one is registered (CREATED) with its event, as one by one.
 */
@ApplicationScoped
public class HandlingUnitImport {

    static final int MAX_ROWS = 2000;
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", List.of("name", "单位名称", "承办单位"));
        COLUMNS.put("officers", List.of("officers", "经办人", "经办人账号"));
    }

    public record RowResult(int row, String name, String outcome, String reason) {
    }

    public record Report(int total, int created, int existing, int rejected, List<RowResult> rows) {
    }

    private final HandlingUnitService units;
    private final Validator validator;

    public HandlingUnitImport(HandlingUnitService units, Validator validator) {
        this.units = units;
        this.validator = validator;
    }

    public Report importFile(byte[] content, String mediaType) {
        List<List<String>> table = Tables.read(content, mediaType, "handling units");
        if (table.isEmpty()) {
            throw Problems.badRequest("the file is empty: the first row must name the columns");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw Problems.badRequest("at most " + MAX_ROWS + " units per file; split it");
        }
        Tables.Header header = Tables.header(table.get(0), COLUMNS, List.of("name"));
        List<RowResult> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            if (!Tables.blank(table.get(i))) {
                rows.add(row(i + 1, table.get(i), header));
            }
        }
        return new Report(rows.size(), count(rows, "CREATED"), count(rows, "EXISTS"), count(rows, "REJECTED"), rows);
    }

    private RowResult row(int number, List<String> cells, Tables.Header header) {
        String name = header.cell(cells, "name");
        var request = new HandlingUnitService.RegisterHandlingUnit(name, Tables.list(header.cell(cells, "officers")));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new RowResult(number, name, "REJECTED", violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        if (QuarkusTransaction.requiringNew().call(() -> HandlingUnitQueries.byName(name.strip()).isPresent())) {
            return new RowResult(number, name, "EXISTS", null);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> units.register(request, null));
            return new RowResult(number, name, "CREATED", null);
        } catch (ProblemException e) {
            return new RowResult(number, name, e.problem().status() == 409 ? "EXISTS" : "REJECTED", e.problem().detail());
        }
    }

    private static int count(List<RowResult> rows, String outcome) {
        return (int) rows.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
