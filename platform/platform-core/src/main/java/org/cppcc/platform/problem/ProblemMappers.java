package org.cppcc.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every failure leaves as application/problem+json, never as a stack trace or a class name. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new ProblemException(new Problem(Problems.TYPE_BASE + "validation", "输入无效 / Invalid input", 400,
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), null, errors))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        String detail = field.isEmpty() ? "the body is not valid JSON for this request"
                : "field '" + field + "' has the wrong type or format";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "wrong type or format"));
        return new ProblemException(new Problem(Problems.TYPE_BASE + "validation", "输入无效 / Invalid input", 400, detail,
                null, errors)).toResponse();
    }

    /** Named on its own: Quarkus has a built-in mapper for this one that would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** Named on its own too: Quarkus answers it 500, though it is the body that cannot make the request's record. */
    @ServerExceptionMapper
    public Response undefinable(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
        return new ProblemException(new Problem(Problems.TYPE_BASE + "validation", "输入无效 / Invalid input", 400,
                "the body does not fit this request (a field given twice?)", null, List.of())).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.unauthorized().toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problems.unauthorized().toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.forbidden("you may not do this").toResponse();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentEdit(RuntimeException e) {
        return new ProblemException(409, "concurrent-edit", "已被他人修改 / Changed by someone else",
                "this item was changed since you read it; reload and try again").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return new ProblemException(status, "http-" + status, title, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Problems.isConcurrentEdit(e)) { // a conflict found only at commit, wrapped by the transaction manager
            return concurrentEdit(new OptimisticLockException(e));
        }
        switch (Problems.databaseFailure(e)) {
            case UNAVAILABLE -> {
                Log.warnf("database unavailable: %s", e.getMessage());
                return new ProblemException(503, "unavailable", "服务暂不可用 / Service unavailable",
                        "the service cannot reach its database just now; nothing was changed; try again shortly").toResponse();
            }
            case CONCURRENT -> {
                return concurrentEdit(new OptimisticLockException(e));
            }
            case DUPLICATE -> {
                return Problems.conflict("this already exists (another request made it at the same moment)").toResponse();
            }
            case INVALID_VALUE -> {
                return Problems.badRequest("a value is too long or holds characters that cannot be stored").toResponse();
            }
            case OUTSIDE_COMMITTEE -> {
                Log.error("row-level security stopped a write outside the request's committee", e);
                return Problems.forbidden("this request may not change another committee's data").toResponse();
            }
            case OTHER -> {
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof io.quarkus.oidc.OIDCException) { // Keycloak not reached yet: the service connects on a later request
                Log.warnf("sign-in service unavailable: %s", c.getMessage());
                return new ProblemException(503, "unavailable", "服务暂不可用 / Service unavailable",
                        "the sign-in service cannot be reached just now; nothing was changed; try again shortly").toResponse();
            }
        }
        Log.error("unexpected failure", e);
        return new ProblemException(500, "internal", "服务器错误 / Internal error",
                "something went wrong on our side; nothing was changed").toResponse();
    }

    /** {@code submit.request.title} → {@code title}: the method and parameter names mean nothing to a client. */
    static String field(ConstraintViolation<?> v) {
        List<String> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .map(Path.Node::toString).toList();
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size()))
                : nodes.isEmpty() ? "" : nodes.get(nodes.size() - 1);
    }
}
