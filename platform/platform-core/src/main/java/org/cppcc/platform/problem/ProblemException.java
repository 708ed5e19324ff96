package org.cppcc.platform.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Thrown anywhere to answer with a problem+json; nothing of the request is stored (the transaction rolls back). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() != null ? ": " + problem.detail() : ""));
        this.problem = problem;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(new Problem(Problems.TYPE_BASE + type, title, status, detail, null, List.of()));
    }

    public Problem problem() {
        return problem;
    }

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"cppcc\"");
        }
        if (problem.status() == 503) { // something we depend on is away for a moment: say when to try again
            r.header("Retry-After", "5");
        }
        return r.build();
    }
}
