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

    public CommitteeService(CommitteeDirectory directory, Outbox outbox) {
        this.directory = directory;
        this.outbox = outbox;
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
        Committee committee = new Committee(code, request.name().strip(), request.level().name(), request.parentCode());
        if (directory.find(code).filter(committee::equals).isPresent()) {
            return committee;
        }
        CommitteeRegistered event = new CommitteeRegistered(code, committee.name(), committee.level(), committee.parentCode());
        directory.register(event);
        outbox.publish(Topics.MEMBERS, EventTypes.COMMITTEE_REGISTERED, code, code, event);
        return committee;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Committee> all() {
        return directory.all();
    }
}
