package org.cppcc.members.performance;

import org.cppcc.members.roster.Member;
import org.cppcc.platform.time.ClockProducer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** 述职: a member's annual duty-performance report as an XLSX workbook (profile, score by aspect, homework, entries). */
final class AnnualReport {

    private AnnualReport() {
    }

    static byte[] xlsx(String committeeName, Member m, Scoreboard.MemberScore s, List<Scoreboard.EntryView> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "cppcc-members-service", "1.0");
            Worksheet ws = wb.newWorksheet(s.year() + "年度履职报告");
            int row = 0;
            ws.value(row, 0, committeeName + " 委员" + s.year() + "年度履职报告（述职）");
            ws.style(row, 0).bold().fontSize(14).set();
            row += 2;
            String[][] profile = {
                    {"姓名", m.name}, {"界别", m.sector}, {"党派", m.party}, {"工作单位及职务", join(m.workUnit, m.jobTitle)},
                    {"专门委员会", m.specialCommittee}, {"常委", m.standingCommittee ? "是" : "否"},
                    {"年度得分", s.score().total().toPlainString()}, {"等次", s.score().grade().label()},
                    {"年度作业", s.score().homeworkDone() ? "已完成" : "未完成"}};
            for (String[] p : profile) {
                ws.value(row, 0, p[0]);
                ws.style(row, 0).bold().set();
                ws.value(row++, 1, p[1] == null ? "" : p[1]);
            }
            row++;
            header(ws, row++, "方面", "得分", "上限");
            for (Score.AspectScore a : s.score().aspects()) {
                ws.value(row, 0, a.name());
                ws.value(row, 1, a.points());
                ws.value(row++, 2, a.cap() == null ? "" : a.cap().toPlainString());
                for (Score.ItemScore i : a.items()) {
                    if (i.count() > 0) {
                        ws.value(row, 0, "  " + i.label() + " × " + i.count());
                        ws.value(row++, 1, i.points());
                    }
                }
            }
            row++;
            header(ws, row++, "作业", "要求", "完成");
            for (Score.Homework h : s.score().homework()) {
                ws.value(row, 0, h.label());
                ws.value(row, 1, h.required());
                ws.value(row++, 2, h.done());
            }
            row++;
            header(ws, row++, "日期", "履职事项", "类别");
            for (Scoreboard.EntryView e : entries) {
                ws.value(row, 0, e.occurredAt().atZone(ClockProducer.CHINA).toLocalDate().toString());
                ws.value(row, 1, e.title());
                ws.value(row++, 2, e.label());
            }
            ws.width(0, 28);
            ws.width(1, 60);
            ws.width(2, 16);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void header(Worksheet ws, int row, String... names) {
        for (int i = 0; i < names.length; i++) {
            ws.value(row, i, names[i]);
            ws.style(row, i).bold().fillColor("DDEBF7").set();
        }
    }

    private static String join(String a, String b) {
        return String.join(" ", a == null ? "" : a, b == null ? "" : b).strip();
    }
}
