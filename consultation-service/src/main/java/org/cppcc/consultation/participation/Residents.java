package org.cppcc.consultation.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.Activity;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * 身边事好商量: residents sign up for a grassroots consultation without an account — a name and a phone, kept with
 * their consent and nothing more — within its places, then on a waiting list; each gets a cancellation link (only its
 * hash is kept); a cancelled place goes to the first in line. One sign-up per phone and activity.
 */
@ApplicationScoped
@Transactional
public class Residents {

    public record SignUp(@NotBlank @Size(max = 50) String name, @NotBlank @Pattern(regexp = "1[0-9]{10}") String phone,
                         @NotNull @AssertTrue(message = "consent to keeping the name and phone for this activity is required") Boolean consent) {
    }

    /** What a resident gets back: the status, and the link (token) to cancel with — shown once. */
    public record SignedUp(String status, int waitingPosition, String cancelToken) {
    }

    public record RegistrationView(String id, String name, String phone, String status, Instant createdAt) {
    }

    public record PublicActivity(String id, String title, Instant startsAt, String location, Integer capacity, long registered) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final CommitteeContext committee;
    private final Clock clock;

    public Residents(EntityManager em, CommitteeContext committee, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.clock = clock;
    }

    /** The committee's activities open to residents and not yet begun, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublicActivity> open() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.title, a.starts_at, a.location, a.capacity, (select count(*) from "
                        + "resident_registration r where r.activity_id = a.id and r.status = 'REGISTERED') from activity a where a.committee = ?1 "
                        + "and a.open_to_residents and a.status = 'SCHEDULED' and a.starts_at > ?2 order by a.starts_at limit 100")
                .setParameter(1, committee.code()).setParameter(2, SqlTime.param(clock.instant())).getResultList();
        return rows.stream().map(r -> new PublicActivity(r[0].toString(), (String) r[1], SqlTime.instant(r[2]), (String) r[3],
                (Integer) r[4], ((Number) r[5]).longValue())).toList();
    }

    /** The key on the notice must match (constant time); a wrong or missing one looks like an activity not open to residents. */
    public SignedUp signUp(UUID activityId, String key, SignUp s) {
        Activity a = em.createQuery("from Activity a where a.id = :id", Activity.class).setParameter("id", activityId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .filter(x -> x.openToResidents && x.status == ActivityStatus.SCHEDULED && x.signUpKey != null && key != null
                        && java.security.MessageDigest.isEqual(x.signUpKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElseThrow(() -> Problems.notFound("activity open to residents", activityId));
        if (!a.startsAt.isAfter(clock.instant())) {
            throw Problems.conflict("sign-up has closed: the activity has begun");
        }
        if (!em.createNativeQuery("select 1 from resident_registration where activity_id = ?1 and phone = ?2 and status <> 'CANCELLED'")
                .setParameter(1, activityId).setParameter(2, s.phone()).getResultList().isEmpty()) {
            throw Problems.conflict("this phone number is already signed up for the activity");
        }
        long registered = count(activityId, "REGISTERED");
        String status = a.capacity == null || registered < a.capacity ? "REGISTERED" : "WAITING";
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        Instant now = clock.instant();
        em.createNativeQuery("insert into resident_registration (id, committee, activity_id, name, phone, status, cancel_token_hash, "
                        + "consented_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, s.name().strip())
                .setParameter(5, s.phone()).setParameter(6, status).setParameter(7, Participants.sha256(token))
                .setParameter(8, SqlTime.param(now)).executeUpdate();
        return new SignedUp(status, "WAITING".equals(status) ? (int) count(activityId, "WAITING") : 0, token);
    }

    /** Cancels by the token given at sign-up; the first on the waiting list takes the place. An unknown token: 404. */
    public void cancel(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select r.id, r.activity_id, r.status from resident_registration r where r.cancel_token_hash = ?1 "
                + "and r.committee = ?2").setParameter(1, Participants.sha256(token)).setParameter(2, committee.code()).getResultList();
        Object[] r = found.stream().findFirst().orElseThrow(() -> Problems.notFound("registration", "(this link)"));
        if ("CANCELLED".equals(r[2])) {
            return; // cancelling twice is what the resident meant: nothing more to do
        }
        UUID activityId = (UUID) r[1];
        em.createQuery("select a.id from Activity a where a.id = :id", UUID.class).setParameter("id", activityId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getSingleResult(); // one place changes hands at a time
        em.createNativeQuery("update resident_registration set status = 'CANCELLED', cancelled_at = ?1 where id = ?2")
                .setParameter(1, SqlTime.param(clock.instant())).setParameter(2, r[0]).executeUpdate();
        if ("REGISTERED".equals(r[2])) {
            em.createNativeQuery("update resident_registration set status = 'REGISTERED' where id = (select id from resident_registration "
                    + "where activity_id = ?1 and status = 'WAITING' order by created_at, id limit 1)").setParameter(1, activityId).executeUpdate();
        }
    }

    /** The sign-up key of an activity open to residents, for the office to print (the notice's QR code carries it). */
    public record SignUpLink(String key, String path, String qrPayload) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SignUpLink link(UUID activityId) {
        Activity a = em.createQuery("from Activity a where a.id = :id", Activity.class).setParameter("id", activityId).getResultStream()
                .findFirst().orElseThrow(() -> Problems.notFound("activity", activityId));
        if (!a.openToResidents) {
            throw Problems.conflict("the activity is not open to residents");
        }
        String path = "/committees/" + committee.code() + "/public/activities/" + a.id + "/registrations";
        return new SignUpLink(a.signUpKey, path, "cppcc-signup:" + committee.code() + ":" + a.id + ":" + a.signUpKey);
    }

    /** The office's list: registered first, then the waiting list in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationView> list(UUID activityId) {
        if (em.createQuery("select a.id from Activity a where a.id = :id", UUID.class).setParameter("id", activityId).getResultList().isEmpty()) {
            throw Problems.notFound("activity", activityId); // the tenant filter: another committee's is not found
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, phone, status, created_at from resident_registration where activity_id = ?1 "
                        + "and committee = ?2 order by case status when 'REGISTERED' then 0 when 'WAITING' then 1 else 2 end, created_at, id")
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new RegistrationView(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], SqlTime.instant(r[4])))
                .toList();
    }

    private long count(UUID activityId, String status) {
        return ((Number) em.createNativeQuery("select count(*) from resident_registration where activity_id = ?1 and status = ?2")
                .setParameter(1, activityId).setParameter(2, status).getSingleResult()).longValue();
    }
}
