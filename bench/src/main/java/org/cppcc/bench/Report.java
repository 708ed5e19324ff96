package org.cppcc.bench;

import org.cppcc.bench.Load.Result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The run's report: a Markdown table of every figure with its limit, ratio and target, and an SVG of the open-model latencies. */
final class Report {

    /**
     * One line of the report: a throughput as a ratio to its limit, an open-model latency, or a figure with an absolute
     * target (P4's deliveries a second, P5's memory and start-up). {@code ratio} is NaN where there is none.
     */
    record Row(String scenario, Result result, String measured, String limit, double ratio, String target, boolean met, boolean latency) {
        static Row ratio(String scenario, Result r, String limit, double limitValue, double target) {
            double ratio = r.perSecond() / limitValue;
            return new Row(scenario, r, null, limit, ratio, "ratio ≥ " + target, r.errors() == 0 && ratio >= target, false);
        }

        static Row latency(String scenario, Result r, String rate, double p99TargetMs) {
            return latency(scenario, r, rate, 0, p99TargetMs);
        }

        /** Met when there were no errors, p99 is under its target and p50 under its own (0: none). */
        static Row latency(String scenario, Result r, String rate, double p50TargetMs, double p99TargetMs) {
            boolean met = r.errors() == 0 && r.p99() < p99TargetMs && (p50TargetMs == 0 || r.p50() < p50TargetMs);
            return new Row(scenario, r, null, "at " + rate, Double.NaN,
                    (p50TargetMs == 0 ? "" : "p50 < " + (int) p50TargetMs + " ms, ") + "p99 < " + (int) p99TargetMs + " ms", met, true);
        }

        /** A rate with an absolute target, shown also as a ratio to its limit. */
        static Row rate(String scenario, Result r, String limit, double limitValue, double targetPerSecond) {
            return new Row(scenario, r, null, limit, r.perSecond() / limitValue, "≥ " + Math.round(targetPerSecond) + "/s",
                    r.errors() == 0 && r.perSecond() >= targetPerSecond, false);
        }

        /** A figure that is not a rate (memory, seconds), with its target. */
        static Row value(String scenario, String measured, String limit, String target, boolean met) {
            return new Row(scenario, null, measured, limit, Double.NaN, target, met, false);
        }
    }

    private Report() {
    }

    static void write(Path markdown, Path svg, String date, Result floor, List<Row> rows, int seconds, int clients) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Load-test report, ").append(date).append("\n\n")
                .append("Written by `bench/run.sh` against the platform started by `./deploy/run.sh` on this machine (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores); every run ").append(seconds).append(" s, after a warm-up of the same requests. Throughput: ").append(clients)
                .append(" clients each sending its next request when answered (the most the service gives), as a ratio to the limit measured in the same run. ")
                .append("Latency: requests started at a constant rate (open model), each timed from when it was due. Framework floor: ")
                .append(String.format(Locale.ROOT, "%.0f", floor.perSecond())).append(" req/s on `/q/health/live`.\n\n")
                .append("| scenario | answers/s (or figure) | limit | ratio | p50 ms | p99 ms | errors | target | met |\n|---|---:|---|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            Result x = r.result();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.scenario(),
                    x == null ? r.measured() : String.format(Locale.ROOT, "%.1f", x.perSecond()), r.limit() == null ? "" : r.limit(),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    x == null || x.p50() == 0 ? "" : String.format(Locale.ROOT, "%.1f", x.p50()),
                    x == null || x.p99() == 0 ? "" : String.format(Locale.ROOT, "%.1f", x.p99()),
                    x == null ? "" : String.valueOf(x.errors()), r.target(), r.met() ? "yes" : "**no**"));
        }
        md.append("\n![open-model latencies](").append(svg.getFileName()).append(")\n");
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        Files.writeString(svg, chart(rows.stream().filter(Row::latency).toList()), StandardCharsets.UTF_8);
    }

    /** p50, p90 and p99 of each open-model run as bars on a log scale (1 ms to 10 s). */
    private static String chart(List<Row> rows) {
        int rowHeight = 42;
        int width = 900;
        int left = 330;
        int height = 40 + rows.size() * rowHeight + 30;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n<text x=\"10\" y=\"20\">open-model latency (ms, log scale): p50, p90, p99</text>\n");
        String[] colours = {"#4c78a8", "#f58518", "#e45756"};
        for (int i = 0; i < rows.size(); i++) {
            Result r = rows.get(i).result();
            int y = 40 + i * rowHeight;
            s.append("<text x=\"10\" y=\"").append(y + 20).append("\">").append(escape(rows.get(i).scenario())).append("</text>\n");
            double[] values = {r.p50(), r.p90(), r.p99()};
            for (int k = 0; k < 3; k++) {
                int w = (int) Math.max(1, x(values[k], width - left - 80));
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%.1f</text>%n",
                        left, y + 4 + k * 12, w, colours[k], left + w + 4, y + 13 + k * 12, values[k]));
            }
        }
        for (double tick : new double[] {1, 10, 100, 1000, 10000}) {
            int x = left + (int) x(tick, width - left - 80);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"36\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    x, x, height - 24, x - 8, height - 8, tick >= 1000 ? (int) (tick / 1000) + " s" : (int) tick + ""));
        }
        return s.append("</svg>\n").toString();
    }

    private static double x(double ms, int span) {
        return Math.log10(Math.max(1, Math.min(ms, 10000))) / 4 * span;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
