package org.cppcc.proposals.units;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** 承办单位: a government department that answers proposals assigned to it by one committee. */
@Entity
@Table(name = "handling_unit")
public class HandlingUnit {

    @Id
    public UUID id;

    @TenantId
    public String committee;

    public String name;

    /** Keycloak user names of the unit's officers (they hold the handling-unit role in the committee). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "handling_unit_officer", joinColumns = @JoinColumn(name = "unit_id"))
    @Column(name = "username")
    public Set<String> officers = new LinkedHashSet<>();

    public Instant createdAt;
}
