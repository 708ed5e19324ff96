package org.cppcc.platform.openapi;

import org.cppcc.platform.json.Limits;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes each service's OpenAPI say what the code enforces (checked with Spectral's OWASP rules in the build):
 * <ul>
 *   <li>the limits every request is held to ({@link Limits}) on every string, integer and array that names no
 *   tighter one of its own;</li>
 *   <li>who may call: the bearer token (Keycloak, RFC 8725 practices) on every operation but the public ones
 *   ({@code x-public}) and the providers' callbacks ({@code x-provider-callback}, their own shared token);</li>
 *   <li>the answers every operation may give besides its own: 401, 403, 429 with Retry-After, 503 with
 *   Retry-After, all problem+json; the X-RateLimit headers on every answer ({@code RateLimits}); CORS for the
 *   platform's own web apps only;</li>
 *   <li>operators' endpoints ({@code /admin/…}) under a security scheme of their own: a platform administrator's token.</li>
 * </ul>
 */
public class OpenApiDocumentation implements OASFilter {

    static final String BEARER = "SecurityScheme";
    static final String ADMIN = "PlatformAdministrator";
    static final String PROVIDER = "ProviderToken";
    static final String PROBLEM = "Problem";
    /** 身边事好商量: the key on the activity's notice (sign-up) and the token a resident was given (cancellation). */
    static final String RESIDENT_SIGN_UP = "ResidentSignUpKey";
    static final String RESIDENT_CANCEL = "ResidentCancelToken";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setServers(List.of(OASFactory.createServer().url("/")
                .description("production (and local): the service behind the deployment's HTTPS ingress, paths as listed")
                .addExtension("x-internal", false)));
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM, problem());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token from the platform's Keycloak realm: a JWS signed with the realm's "
                        + "keys (never alg none), issuer and audience cppcc-api checked, short-lived; following RFC8725 (JWT best practices)."));
        components.addSecurityScheme(ADMIN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of a platform administrator (realm role platform-admin) from the "
                        + "platform's Keycloak realm, checked as any other (RFC8725 practices); committees' staff are refused (403)."));
        components.addSecurityScheme(PROVIDER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Receipt-Token")
                .description("The shared token a message provider was given for its delivery receipts"));
        components.addSecurityScheme(RESIDENT_SIGN_UP, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Sign-Up-Key")
                .description("The key on an activity's public notice (its QR code), which residents sign up with; the office can replace it"));
        components.addSecurityScheme(RESIDENT_CANCEL, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Cancel-Token")
                .description("The token a resident was given when signing up (shown once; only its hash is kept)"));
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(s -> limit(s, Limits.TEXT, seen));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> item : api.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getValue().getOperations().entrySet()) {
                document(item.getKey(), e.getValue(), seen);
            }
        }
    }

    private void document(String path, Operation op, Set<Schema> seen) {
        Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
        boolean open = ext.containsKey("x-public");
        boolean provider = ext.containsKey("x-provider-callback");
        Object resident = ext.get("x-resident-key");
        if (provider) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(PROVIDER)));
        } else if (resident != null) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("cancel".equals(String.valueOf(resident))
                    ? RESIDENT_CANCEL : RESIDENT_SIGN_UP)));
        } else if (!open) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(path.startsWith("/admin/") ? ADMIN : BEARER)));
        }
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getSchema() != null) {
                    limit(p.getSchema(), Limits.REQUEST_LINE, seen);
                }
            }
        }
        if (op.getRequestBody() != null) {
            content(op.getRequestBody().getContent(), seen);
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        if (!open) {
            putIfAbsent(responses, "401", problemResponse("Unauthorized: no valid token", false));
            putIfAbsent(responses, "403", problemResponse("Forbidden: the caller holds no role here that this accepts", false));
        }
        putIfAbsent(responses, "429", problemResponse("Too many requests: wait as Retry-After says", true));
        putIfAbsent(responses, "503", problemResponse("A service this needs is away for a moment; nothing was changed; retry after Retry-After", true));
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                if (r.getKey().startsWith("2") || r.getKey().startsWith("4")) {
                    rateLimitHeaders(r.getValue());
                }
                if (r.getKey().startsWith("4") && (r.getValue().getContent() == null || r.getValue().getContent().getMediaTypes() == null
                        || r.getValue().getContent().getMediaTypes().isEmpty())) {
                    r.getValue().setContent(problemContent());
                }
                content(r.getValue().getContent(), seen);
                if (r.getValue().getHeaders() != null && !r.getValue().getHeaders().containsKey("Access-Control-Allow-Origin")) {
                    r.getValue().addHeader("Access-Control-Allow-Origin", OASFactory.createHeader()
                            .description("Sent to the platform's own web apps only (quarkus.http.cors.origins): no other site may call from a browser")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
                }
            }
        }
    }

    private void content(Content content, Set<Schema> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            if (m.getSchema() != null) {
                limit(m.getSchema(), Limits.TEXT, seen);
            }
        }
    }

    /** The platform's limits, on every part of a schema that says none of its own. */
    static void limit(Schema s, int text, Set<Schema> seen) {
        if (s == null || s.getRef() != null || !seen.add(s)) {
            return;
        }
        List<Schema.SchemaType> types = s.getType() == null ? List.of() : s.getType();
        if (types.contains(Schema.SchemaType.STRING) && s.getMaxLength() == null && s.getEnumeration() == null) {
            String format = s.getFormat() == null ? "" : s.getFormat();
            s.setMaxLength(switch (format) {
                case "uuid" -> 36;
                case "date" -> 10;
                case "date-time" -> 64;
                case "binary", "byte" -> Limits.BODY;
                default -> text;
            });
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean wide = "int64".equals(s.getFormat());
            if (s.getMinimum() == null && s.getExclusiveMinimum() == null) {
                s.setMinimum(BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (s.getMaximum() == null && s.getExclusiveMaximum() == null) {
                s.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && s.getMaxItems() == null) {
            s.setMaxItems(Limits.ITEMS);
        }
        limit(s.getItems(), text, seen);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> limit(p, text, seen));
        }
        if (s.getAdditionalPropertiesSchema() != null) {
            limit(s.getAdditionalPropertiesSchema(), text, seen);
        }
        for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (group != null) {
                group.forEach(g -> limit(g, text, seen));
            }
        }
    }

    private static void putIfAbsent(APIResponses responses, String status, APIResponse response) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, response);
        }
    }

    private static APIResponse problemResponse(String description, boolean retryAfter) {
        APIResponse r = OASFactory.createAPIResponse().description(description).content(problemContent());
        if (retryAfter) {
            r.addHeader("Retry-After", header("Seconds to wait before trying again", 1, 3600));
        }
        return r;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static void rateLimitHeaders(APIResponse r) {
        if (r.getHeaders() != null && r.getHeaders().containsKey("X-RateLimit-Limit")) {
            return;
        }

        r.addHeader("X-RateLimit-Limit", header("Requests allowed in the current minute (per person, or per address for public pages)", 1, 1_000_000));
        r.addHeader("X-RateLimit-Remaining", header("Requests left in the current minute", 0, 1_000_000));
        r.addHeader("X-RateLimit-Reset", header("Seconds until the minute is over", 1, 60));
    }

    private static Header header(String description, long min, long max) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max)));
    }

    /** RFC 9457 problem details, as every error of the platform is answered. */
    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(500));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(200))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Limits.REQUEST_LINE))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(100).items(fieldError));
    }
}
