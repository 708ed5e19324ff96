package org.cppcc.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.Set;

/**
 * The committee (tenant) the current request or event acts in, and the caller's roles there. Set once
 * by {@link CommitteeAccessFilter} or the event processor; read by the Hibernate tenant resolver.
 */
@RequestScoped
public class CommitteeContext {

    private String code;
    private Set<String> roles = Set.of();
    private int crossing;

    void enter(String code, Set<String> roles) {
        if (this.code != null && !this.code.equals(code)) {
            throw new IllegalStateException("a request acts in one committee only");
        }
        this.code = code;
        this.roles = Set.copyOf(roles);
    }

    /** Consumers act for the platform in the committee that the event belongs to. */
    public void enterForEvent(String committeeCode) {
        enter(committeeCode, Set.of());
    }

    public String code() {
        if (code == null) {
            throw new IllegalStateException("no committee in this context");
        }
        return code;
    }

    public Optional<String> current() {
        return Optional.ofNullable(code);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public Set<String> roles() {
        return roles;
    }

    /**
     * What the database lets this context see (row-level security, {@code cppcc.committee}): its committee,
     * every committee while {@link CommitteeScope#across} runs, or nothing.
     */
    String databaseScope() {
        if (crossing > 0) {
            return CommitteeScope.ALL;
        }
        return code == null ? CommitteeScope.NONE : code;
    }

    void beginCrossing() {
        crossing++;
    }

    void endCrossing() {
        crossing--;
    }
}
