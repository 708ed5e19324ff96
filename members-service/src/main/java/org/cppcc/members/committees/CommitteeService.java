package org.cppcc.members.committees;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.CommitteeRegistered;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.Committee;
import org.cppcc.platform.tenancy.CommitteeDirectory;

import java.util.List;

/** members-service owns the committee tree; the other services learn it from CommitteeRegistered events. */
@ApplicationScoped
@Transactional
public class CommitteeService {

    public enum Level { national, provincial, city, district }

    public record RegisterCommittee(@NotBlank @Size(max = 100) String name, @NotNull Level level,
                                    @Pattern(regexp = "\\d{6}") String parentCode) {
    }

    private final CommitteeDirectory directory;
    private final Outbox outbox;
    private final jakarta.enterprise.event.Event<RoleGroupsDue> roleGroups;

    public CommitteeService(CommitteeDirectory directory, Outbox outbox, jakarta.enterprise.event.Event<RoleGroupsDue> roleGroups) {
        this.directory = directory;
        this.outbox = outbox;
        this.roleGroups = roleGroups;
    }

    /** Registers or renames a committee (idempotent: the same request twice changes nothing more). */
    public Committee register(String code, RegisterCommittee request) {
        if (!code.matches("\\d{6}")) {
            throw Problems.badRequest("a committee code is the 6-digit GB/T 2260 code of its region");
        }
        if ((request.level() == Level.national) != (request.parentCode() == null)) {
            throw Problems.badRequest("the national committee has no parent; every other committee has one");
        }
        if (request.parentCode() != null && !directory.exists(request.parentCode())) {
            throw Problems.badRequest("parent committee " + request.parentCode() + " is not registered");
        }
        boolean suspended = directory.find(code).map(Committee::suspended).orElse(false); // a rename does not resume it
        Committee committee = new Committee(code, request.name().strip(), request.level().name(), request.parentCode(), suspended);
        if (directory.find(code).filter(committee::equals).isPresent()) {
            return committee;
        }
        announce(committee);
        roleGroups.fire(new RoleGroupsDue(code));
        return committee;
    }

    /** 暂停: the committee becomes read-only in every service (writes answer 423) until it is resumed. */
    public Committee suspend(String code) {
        return setSuspended(code, true);
    }

    public Committee resume(String code) {
        return setSuspended(code, false);
    }

    private Committee setSuspended(String code, boolean suspended) {
        Committee c = directory.find(code).orElseThrow(() -> Problems.notFound("committee", code));
        if (c.suspended() == suspended) {
            return c;
        }
        Committee changed = new Committee(c.code(), c.name(), c.level(), c.parentCode(), suspended);
        announce(changed);
        return changed;
    }

    private void announce(Committee c) {
        CommitteeRegistered event = new CommitteeRegistered(c.code(), c.name(), c.level(), c.parentCode(), c.suspended());
        directory.register(event);
        outbox.publish(Topics.MEMBERS, EventTypes.COMMITTEE_REGISTERED, c.code(), c.code(), event);
    }

    /** Fired when a committee is registered: its Keycloak role groups are made once the registration commits. */
    public record RoleGroupsDue(String code) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Committee> all() {
        return directory.all();
    }
}
