package org.cppcc.proposals.clues;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A member who took a clue (认领) to research it and write a proposal; several members may take one clue. */
@Entity
@Table(name = "clue_taker")
public class ClueTaker {

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public UUID clueId;
    public String userId;
    public String name;
    public Instant takenAt;
}
