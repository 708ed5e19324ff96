package org.cppcc.proposals.units;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.HandlingUnitRegistered;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
@Transactional
public class HandlingUnitService {

    public record RegisterHandlingUnit(@NotBlank @Size(max = 100) String name,
                                       @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> officers) {
    }

    public record HandlingUnitView(String id, String name, List<String> officers, Instant createdAt) {
        static HandlingUnitView of(HandlingUnit u) {
            return new HandlingUnitView(u.id.toString(), u.name, List.copyOf(u.officers), u.createdAt);
        }
    }

    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;

    public HandlingUnitService(Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller) {
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
    }

    public Created<HandlingUnitView> register(RegisterHandlingUnit request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "units.register:" + committee.code() + ":" + caller.userId(), HandlingUnitView.class,
                () -> register(request));
    }

    private Created<HandlingUnitView> register(RegisterHandlingUnit request) {
        String name = request.name().strip();
        if (HandlingUnitQueries.byName(name).isPresent()) {
            throw Problems.conflict("handling unit '" + name + "' is already registered in committee " + committee.code());
        }
        HandlingUnit u = new HandlingUnit();
        u.id = Ids.newId();
        u.name = name;
        u.officers.addAll(request.officers());
        u.createdAt = Instant.now();
        Panache.getEntityManager().persist(u);
        outbox.publish(Topics.PROPOSALS, EventTypes.HANDLING_UNIT_REGISTERED, committee.code(), u.id.toString(),
                new HandlingUnitRegistered(u.id.toString(), u.name, new ArrayList<>(u.officers)));
        return new Created<>(u.id.toString(), HandlingUnitView.of(u));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HandlingUnitView> list() {
        return HandlingUnitQueries.all().stream().map(HandlingUnitView::of).toList();
    }
}
