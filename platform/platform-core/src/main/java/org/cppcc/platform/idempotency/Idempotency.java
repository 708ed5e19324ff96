package org.cppcc.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.problem.Problems;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: a retried request with the same key (same caller, same
 * operation) gets the first result back and creates nothing new. The key is claimed in the same transaction
 * as the creation, so a crash in between leaves neither; a concurrent twin waits for the first, then replays it.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The outcome of a create: the new resource's id and the body to answer with; replayed says it is a repeat. */
    public record Created<T>(String id, T body, boolean replayed) {
        public Created(String id, T body) {
            this(id, body, false);
        }

        /** 201 with the new resource's Location (the request's path plus its id), and whether it is a replay. */
        public jakarta.ws.rs.core.Response toResponse(jakarta.ws.rs.core.UriInfo uri) {
            return jakarta.ws.rs.core.Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(body)
                    .header("Idempotent-Replayed", replayed).build();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Created<T> once(String key, String scope, Class<T> type, Supplier<Created<T>> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > 200) {
            throw Problems.badRequest(HEADER + " must be at most 200 characters");
        }
        int claimed = em.createNativeQuery("insert into idempotency_record (scope, idem_key, created_at) values (?1, ?2, now()) "
                        + "on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).executeUpdate();
        if (claimed == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select resource_id, body from idempotency_record where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, key).getResultList();
            Object[] row = rows.get(0);
            try {
                return new Created<>((String) row[0], json.readValue((String) row[1], type), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored idempotent response is unreadable", e);
            }
        }
        Created<T> created = create.get();
        try {
            em.createNativeQuery("update idempotency_record set resource_id = ?1, body = ?2 where scope = ?3 and idem_key = ?4")
                    .setParameter(1, created.id()).setParameter(2, json.writeValueAsString(created.body()))
                    .setParameter(3, scope).setParameter(4, key).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return created;
    }
}
