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

    /** A throughput figure as a ratio to its limit (target: at least {@code target}), or an open-model latency (target: p99 below). */
    record Row(String scenario, Result result, String limit, double limitValue, double targetRatio, String rate, double p99TargetMs) {
        static Row ratio(String scenario, Result r, String limit, double limitValue, double target) {
            return new Row(scenario, r, limit, limitValue, target, null, 0);
        }

        static Row latency(String scenario, Result r, String rate, double p99TargetMs) {
            return new Row(scenario, r, null, 0, 0, rate, p99TargetMs);
        }

        boolean isRatio() {
            return limit != null;
        }

        double ratio() {
            return result.perSecond() / limitValue;
        }

        boolean met() {
            return result.errors() == 0 && (isRatio() ? ratio() >= targetRatio : result.p99() < p99TargetMs);
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
                .append("| scenario | answers/s | limit | ratio | p50 ms | p99 ms | errors | target | met |\n|---|---:|---|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            Result x = r.result();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %.1f | %.1f | %d | %s | %s |%n", r.scenario(), x.perSecond(),
                    r.isRatio() ? r.limit() : "at " + r.rate(), r.isRatio() ? String.format(Locale.ROOT, "%.3f", r.ratio()) : "",
                    x.p50(), x.p99(), x.errors(), r.isRatio() ? "ratio ≥ " + r.targetRatio() : "p99 < " + (int) r.p99TargetMs() + " ms",
                    r.met() ? "yes" : "**no**"));
        }
        md.append("\n![open-model latencies](").append(svg.getFileName()).append(")\n");
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        Files.writeString(svg, chart(rows.stream().filter(r -> !r.isRatio()).toList()), StandardCharsets.UTF_8);
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
