package org.cppcc.platform.audit;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.SqlTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/committees/{code}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "审计: who changed what in the committee, in this service")
public class AuditResource {

    public record AuditEntry(String id, Instant at, String actorId, String actorName, String action, String targetId, int status) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;

    public AuditResource(EntityManager em, CommitteeContext committee) {
        this.em = em;
        this.committee = committee;
    }

    @GET
    @Transactional
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The committee's audit trail in this service, newest first (cursor, limit)")
    public Page<AuditEntry> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var q = em.createNativeQuery("select id, at, actor_id, actor_name, action, target_id, status from audit_log where committee = ?1"
                + (page.after() != null ? " and id < ?2" : "") + " order by id desc limit " + page.fetchSize()).setParameter(1, committee.code());
        if (page.after() != null) {
            q.setParameter(2, page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Page.of(rows, page, r -> r[0].toString(), r -> new AuditEntry(r[0].toString(), SqlTime.instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue()));
    }
}
