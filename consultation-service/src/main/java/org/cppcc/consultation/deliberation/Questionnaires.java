package org.cppcc.consultation.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.StreamingOutput;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.consultation.activities.ConsultationForm;
import org.cppcc.platform.exports.TableWriter;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * 问卷: one questionnaire per activity (single choice, multiple choice, free text). The office drafts it, opens it
 * (its questions are then fixed) and closes it; each participant answers once — on an online (网络议政) activity every
 * member of the committee may. Results are counted per option; the answers are exported as CSV or XLSX.
 */
@ApplicationScoped
@Transactional
public class Questionnaires {

    public enum Kind { SINGLE, MULTIPLE, TEXT }

    public record Question(@NotBlank @Size(max = 500) String text, @NotNull Kind kind,
                           @Size(max = 20) List<@NotBlank @Size(max = 200) String> options, boolean required) {
    }

    public record Draft(@NotBlank @Size(max = 200) String title, @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Question> questions) {
    }

    /** One answer per question, in order: choices (indexes of options) for SINGLE/MULTIPLE, text for TEXT; null when skipped. */
    public record Answer(List<Integer> choices, @Size(max = 2000) String text) {
    }

    public record Response(@NotNull @Size(max = 50) List<@Valid Answer> answers) {
    }

    public record QuestionnaireView(String id, String activityId, String title, List<Question> questions, String status,
                                    Instant openedAt, Instant closedAt, boolean answered, long respondents) {
    }

    public record OptionCount(String option, long count) {
    }

    public record QuestionResult(int index, String text, Kind kind, long answered, List<OptionCount> options, List<String> texts) {
    }

    public record Results(String title, String status, long respondents, List<QuestionResult> questions) {
    }

    private final EntityManager em;
    private final ActivityService activities;
    private final CommitteeContext committee;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public Questionnaires(EntityManager em, ActivityService activities, CommitteeContext committee, Caller caller, ObjectMapper json, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.committee = committee;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    /** Drafts the activity's questionnaire, or replaces the draft; once open its questions stay as they were answered. */
    public QuestionnaireView draft(UUID activityId, Draft d) {
        ActivityView a = activities.get(activityId);
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            int options = q.options() == null ? 0 : q.options().size();
            if (q.kind() == Kind.TEXT ? options > 0 : options < 2) {
                throw Problems.badRequest("question " + (i + 1) + ": a choice question has 2 to 20 options, a text question none");
            }
        }
        String status = status(activityId);
        if (status != null && !"DRAFT".equals(status)) {
            throw Problems.conflict("the questionnaire is " + status + ": its questions no longer change");
        }
        em.createNativeQuery("insert into questionnaire (id, committee, activity_id, title, questions, status, created_at) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), 'DRAFT', ?6) "
                        + "on conflict (activity_id) do update set title = excluded.title, questions = excluded.questions")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, d.title().strip())
                .setParameter(5, write(d.questions())).setParameter(6, SqlTime.param(clock.instant())).executeUpdate();
        return get(activityId);
    }

    /** DRAFT → OPEN → CLOSED, by the office. */
    public QuestionnaireView move(UUID activityId, String to) {
        activities.get(activityId);
        String from = status(activityId);
        if (from == null) {
            throw Problems.notFound("questionnaire of activity", activityId);
        }
        if (!("OPEN".equals(to) && "DRAFT".equals(from) || "CLOSED".equals(to) && "OPEN".equals(from))) {
            throw Problems.conflict("a " + from + " questionnaire is not " + ("OPEN".equals(to) ? "opened" : "closed"));
        }
        em.createNativeQuery("update questionnaire set status = ?1, " + ("OPEN".equals(to) ? "opened_at" : "closed_at") + " = ?2 "
                        + "where activity_id = ?3 and status = ?4")
                .setParameter(1, to).setParameter(2, SqlTime.param(clock.instant())).setParameter(3, activityId).setParameter(4, from).executeUpdate();
        return get(activityId);
    }

    /** A participant answers, once, while it is open; every required question answered, every choice one of its options. */
    public QuestionnaireView answer(UUID activityId, Response r) {
        ActivityView a = activities.get(activityId);
        Object[] q = row(activityId, true);
        if (!"OPEN".equals(q[3])) {
            throw Problems.conflict("the questionnaire is " + q[3] + ": answers are taken while it is open");
        }
        if (a.form() != ConsultationForm.ONLINE && em.createNativeQuery("select 1 from participant where activity_id = ?1 and user_id = ?2")
                .setParameter(1, activityId).setParameter(2, caller.userId()).getResultList().isEmpty()) {
            throw Problems.forbidden("the questionnaire is answered by the activity's participants");
        }
        List<Question> questions = questions((String) q[2]);
        if (r.answers().size() != questions.size()) {
            throw Problems.badRequest("answer each of the " + questions.size() + " questions in order (null for one skipped)");
        }
        for (int i = 0; i < questions.size(); i++) {
            check(i, questions.get(i), r.answers().get(i));
        }
        int added = em.createNativeQuery("insert into questionnaire_response (questionnaire_id, committee, user_id, answers, submitted_at) "
                        + "values (?1, ?2, ?3, cast(?4 as jsonb), ?5) on conflict do nothing")
                .setParameter(1, q[0]).setParameter(2, committee.code()).setParameter(3, caller.userId()).setParameter(4, write(r.answers()))
                .setParameter(5, SqlTime.param(clock.instant())).executeUpdate();
        if (added == 0) {
            throw Problems.conflict("you have already answered this questionnaire");
        }
        return get(activityId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuestionnaireView get(UUID activityId) {
        activities.get(activityId);
        Object[] q = row(activityId, false);
        Object[] n = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where user_id = ?2) from questionnaire_response "
                + "where questionnaire_id = ?1").setParameter(1, q[0]).setParameter(2, caller.userId()).getSingleResult();
        return new QuestionnaireView(q[0].toString(), activityId.toString(), (String) q[1], questions((String) q[2]), (String) q[3],
                q[4] == null ? null : SqlTime.instant(q[4]), q[5] == null ? null : SqlTime.instant(q[5]), ((Number) n[1]).longValue() > 0,
                ((Number) n[0]).longValue());
    }

    /** Counts per option of each choice question, and the texts given to each text question. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Results results(UUID activityId) {
        activities.get(activityId);
        Object[] q = row(activityId, false);
        return results(q, questions((String) q[2]), responses(q[0]));
    }

    private static Results results(Object[] q, List<Question> questions, List<Respondent> respondents) {
        List<List<Answer>> responses = respondents.stream().map(Respondent::answers).toList();
        List<QuestionResult> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            int index = i;
            List<Answer> given = responses.stream().map(a -> index < a.size() ? a.get(index) : null).filter(a -> a != null && !empty(a)).toList();
            List<OptionCount> options = question.kind() == Kind.TEXT ? List.of() : IntStream.range(0, question.options().size())
                    .mapToObj(o -> new OptionCount(question.options().get(o), given.stream().filter(a -> a.choices().contains(o)).count())).toList();
            List<String> texts = question.kind() == Kind.TEXT ? given.stream().map(Answer::text).toList() : List.of();
            out.add(new QuestionResult(i + 1, question.text(), question.kind(), given.size(), options, texts));
        }
        return new Results((String) q[1], (String) q[3], responses.size(), out);
    }

    /** 导出: each respondent's answers (a row each), then the counts per option. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StreamingOutput export(UUID activityId, TableWriter.Format format) {
        activities.get(activityId);
        Object[] q = row(activityId, false);
        List<Question> questions = questions((String) q[2]);
        List<Respondent> respondents = responses(q[0]); // read once: the rows and the counts come from the same answers
        Results results = results(q, questions, respondents);
        return out -> {
            try (TableWriter w = TableWriter.open(format, out)) {
                List<String> header = new ArrayList<>(List.of("答卷人", "提交时间"));
                IntStream.range(0, questions.size()).forEach(i -> header.add((i + 1) + ". " + questions.get(i).text()));
                w.table("答卷", header);
                for (Respondent p : respondents) {
                    List<Object> cells = new ArrayList<>(List.of(p.name(), p.submittedAt()));
                    for (int i = 0; i < questions.size(); i++) {
                        Answer a = i < p.answers().size() ? p.answers().get(i) : null;
                        Question question = questions.get(i);
                        cells.add(a == null || empty(a) ? "" : question.kind() == Kind.TEXT ? a.text()
                                : String.join("；", a.choices().stream().map(question.options()::get).toList()));
                    }
                    w.row(cells);
                }
                w.table("统计", List.of("题号", "题目", "选项", "人数"));
                for (QuestionResult r : results.questions()) {
                    if (r.kind() == Kind.TEXT) {
                        w.row(List.of(r.index(), r.text(), "（文字回答）", r.answered()));
                    }
                    for (OptionCount o : r.options()) {
                        w.row(List.of(r.index(), r.text(), o.option(), o.count()));
                    }
                }
            }
        };
    }

    private record Respondent(String name, Instant submittedAt, List<Answer> answers) {
    }

    private List<Respondent> responses(Object questionnaireId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select coalesce(p.name, m.name, r.user_id), r.submitted_at, cast(r.answers as text) "
                        + "from questionnaire_response r join questionnaire q on q.id = r.questionnaire_id "
                        + "left join participant p on p.activity_id = q.activity_id and p.user_id = r.user_id "
                        + "left join member_roster m on m.committee = r.committee and m.user_id = r.user_id "
                        + "where r.questionnaire_id = ?1 order by r.submitted_at, r.user_id")
                .setParameter(1, questionnaireId).getResultList();
        return rows.stream().map(r -> new Respondent((String) r[0], SqlTime.instant(r[1]), read((String) r[2], new TypeReference<List<Answer>>() { })))
                .toList();
    }

    private static void check(int i, Question q, Answer a) {
        String which = "question " + (i + 1);
        if (a == null || empty(a)) {
            if (q.required()) {
                throw Problems.badRequest(which + " is to be answered");
            }
            return;
        }
        if (q.kind() == Kind.TEXT) {
            if (a.choices() != null && !a.choices().isEmpty()) {
                throw Problems.badRequest(which + " is answered in words (text)");
            }
            return;
        }
        if (a.text() != null && !a.text().isBlank()) {
            throw Problems.badRequest(which + " is answered by choosing (choices)");
        }
        if (q.kind() == Kind.SINGLE && a.choices().size() != 1) {
            throw Problems.badRequest(which + " takes one choice");
        }
        if (a.choices().stream().distinct().count() != a.choices().size()
                || a.choices().stream().anyMatch(c -> c == null || c < 0 || c >= q.options().size())) {
            throw Problems.badRequest(which + ": each choice is one of its options (0 to " + (q.options().size() - 1) + "), once");
        }
    }

    private static boolean empty(Answer a) {
        return (a.choices() == null || a.choices().isEmpty()) && (a.text() == null || a.text().isBlank());
    }

    /** id, title, questions, status, opened_at, closed_at (locked for an answer, so it is not closed meanwhile). */
    private Object[] row(UUID activityId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, title, cast(questions as text), status, opened_at, closed_at from questionnaire "
                        + "where activity_id = ?1 and committee = ?2" + (lock ? " for share" : ""))
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.notFound("questionnaire of activity", activityId));
    }

    private String status(UUID activityId) {
        List<?> s = em.createNativeQuery("select status from questionnaire where activity_id = ?1 and committee = ?2 for update")
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return s.isEmpty() ? null : (String) s.get(0);
    }

    private List<Question> questions(String text) {
        return read(text, new TypeReference<List<Question>>() { });
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored questionnaire is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
