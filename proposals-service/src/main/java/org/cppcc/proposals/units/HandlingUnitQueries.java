package org.cppcc.proposals.units;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Optional;

/** HQL only: the committee filter applies to every one of these. */
final class HandlingUnitQueries {

    private HandlingUnitQueries() {
    }

    static Optional<HandlingUnit> byName(String name) {
        return Panache.getEntityManager().createQuery("from HandlingUnit where name = :name", HandlingUnit.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    static List<HandlingUnit> all() {
        return Panache.getEntityManager().createQuery("from HandlingUnit order by name", HandlingUnit.class).getResultList();
    }
}
