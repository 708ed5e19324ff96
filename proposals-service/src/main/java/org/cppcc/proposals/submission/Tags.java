package org.cppcc.proposals.submission;

import org.cppcc.platform.problem.Problems;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** 主题: a proposal's subject tags, trimmed, without repeats, at most five of up to 20 characters. */
public final class Tags {

    public static final int MAX = 5;

    private Tags() {
    }

    public static List<String> clean(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (t == null || t.isBlank() || t.strip().length() > 20) {
                throw Problems.badRequest("each subject tag is 1 to 20 characters");
            }
            out.add(t.strip());
        }
        if (out.size() > MAX) {
            throw Problems.badRequest("at most " + MAX + " subject tags");
        }
        return new ArrayList<>(out);
    }
}
