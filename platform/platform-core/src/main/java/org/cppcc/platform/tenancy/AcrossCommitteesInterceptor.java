package org.cppcc.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs a method marked {@link AcrossCommittees} in {@link CommitteeScope#across}. */
@AcrossCommittees("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) // outside @Transactional: its transactions see every committee
public class AcrossCommitteesInterceptor {

    private final CommitteeScope scope;

    public AcrossCommitteesInterceptor(CommitteeScope scope) {
        this.scope = scope;
    }

    @AroundInvoke
    Object around(InvocationContext call) throws Exception {
        Exception[] failure = new Exception[1];
        Object result = scope.across(() -> {
            try {
                return call.proceed();
            } catch (Exception e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result;
    }
}
