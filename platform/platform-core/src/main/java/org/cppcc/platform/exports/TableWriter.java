package org.cppcc.platform.exports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows written as they come — to CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese; RFC 4180
 * quoting) or XLSX (fastexcel, which flushes each sheet's rows as it goes) — so that an export of 100,000 rows never
 * holds them all. Times are written in China's time, as the office reads them.
 */
public abstract sealed class TableWriter implements AutoCloseable {

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** ?format=csv|xlsx (default xlsx); anything else is bad input. */
        public static Format parse(String format) {
            try {
                return format == null ? XLSX : valueOf(format.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.cppcc.platform.problem.Problems.badRequest("format is csv or xlsx");
            }
        }
    }

    /** A download: the file's name in Chinese for browsers that read filename*, an ASCII one for the rest. */
    public static jakarta.ws.rs.core.Response download(jakarta.ws.rs.core.StreamingOutput body, Format format, String name) {
        String filename = java.net.URLEncoder.encode(name + "." + format.extension, StandardCharsets.UTF_8).replace("+", "%20");
        return jakarta.ws.rs.core.Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"export." + format.extension + "\"; filename*=UTF-8''" + filename).build();
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public static TableWriter open(Format format, OutputStream out) {
        return format == Format.CSV ? new Csv(out) : new Xlsx(out);
    }

    /** Starts a table (a sheet of an XLSX; in a CSV, tables after the first follow an empty line) with its header row. */
    public abstract void table(String name, List<String> header);

    public abstract void row(List<?> cells);

    @Override
    public abstract void close();

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Instant i) {
            return TIME.format(i);
        }
        if (cell instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return cell.toString();
    }

    static final class Csv extends TableWriter {
        private final Writer out;
        private boolean first = true;

        Csv(OutputStream out) {
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write("\uFEFF");
        }

        @Override
        public void table(String name, List<String> header) {
            if (!first) {
                write("\r\n");
            }
            first = false;
            row(header);
        }

        @Override
        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String s = text(cells.get(i));
                if (i > 0) {
                    line.append(',');
                }
                // a cell a spreadsheet would take for a formula is written as text
                if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(cells.get(i) instanceof Number)) {
                    s = "'" + s;
                }
                line.append(s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                        ? '"' + s.replace("\"", "\"\"") + '"' : s);
            }
            write(line.append("\r\n").toString());
        }

        private void write(String s) {
            try {
                out.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Xlsx extends TableWriter {
        private final Workbook workbook;
        private Worksheet sheet;
        private int row;

        Xlsx(OutputStream out) {
            workbook = new Workbook(out, "cppcc", "1.0");
        }

        @Override
        public void table(String name, List<String> header) {
            finishSheet();
            sheet = workbook.newWorksheet(name);
            row = 0;
            row(header);
            sheet.freezePane(0, 1);
        }

        @Override
        public void row(List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof Number n && !(v instanceof BigDecimal)) {
                    sheet.value(row, c, n);
                } else if (v instanceof BigDecimal d) {
                    sheet.value(row, c, d);
                } else {
                    sheet.value(row, c, text(v));
                }
            }
            row++;
            if (row % 1000 == 0) {
                try {
                    sheet.flush(); // rows leave memory as they are written
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void finishSheet() {
            if (sheet != null) {
                try {
                    sheet.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            finishSheet();
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
