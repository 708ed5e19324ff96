package org.cppcc.members.accounts;

/** Keycloak holds an account the registry may not take over (disabled by an operator); the sync records why. */
public class AccountRefused extends RuntimeException {

    public AccountRefused(String message) {
        super(message);
    }
}
