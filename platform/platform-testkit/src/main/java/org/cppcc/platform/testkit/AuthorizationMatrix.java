package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * The authorization matrix, generated. Every operation of the service's OpenAPI is called by every demo user —
 * members, offices, units, administrators at the four levels, of another branch and of a sibling committee — on
 * the objects a test names (in several states) and on an object of another committee. Who an operation is for
 * is read from the code that decides it ({@code @CommitteeRoles}, {@code @PermitAll}, {@code @SupervisedFromAbove},
 * {@code @RolesAllowed}): the matrix fails when
 * <ul>
 *   <li>a user holding none of the roles an operation documents in that committee gets 2xx;</li>
 *   <li>an id of another committee's object answers differently from an id that exists nowhere, or 2xx;</li>
 *   <li>anything answers 5xx.</li>
 * </ul>
 * A state-changing operation is called on this committee's objects only by users it refuses, so they stay as
 * they are; on another committee's objects, by everyone (nothing may change there). Bodies are valid ones built
 * from the OpenAPI schemas, so that a refusal is the authorization's and not a validation's.
 */
public final class AuthorizationMatrix {

    /** Every demo login (deploy/keycloak/cppcc-realm.json). */
    public static final List<String> USERS = List.of("hp-member", "hp-member2", "hp-staff", "hp-unit", "hp-unit2", "hp-admin",
            "gz-member", "gz-staff", "gz-unit", "gd-staff", "qg-staff", "sz-staff", "dx-member", "hp-leader", "admin");
    private static final Set<String> SUPERVISING = Set.of("proposal-office", "consultation-office", "leader", "committee-admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who an operation is for, as the code says. */
    record Rule(Set<String> committeeRoles, boolean open, boolean supervised, Set<String> realmRoles) {
    }

    /** What a run did, and what it found wrong. */
    public record Report(int operations, int calls, int foreignProbes, List<String> failures) {
        public String summary() {
            return operations + " operations × " + USERS.size() + " users: " + calls + " calls, " + foreignProbes
                    + " on another committee's objects; " + failures.size() + " failures";
        }
    }

    private final String committee;
    private final Map<String, List<String>> objects;
    private final Map<String, String> foreign;
    private final Map<String, Rule> rules;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /**
     * @param committee the committee whose operations are called (its code replaces {code})
     * @param objects   ids of this committee's objects, by the path segment before the id (e.g. "proposals" → a
     *                  draft, a submitted, a handled and a published proposal)
     * @param foreign   an id of another committee's object, by the same segment
     * @param resourcePackage where the service's resources are (e.g. "org.cppcc.proposals")
     */
    public AuthorizationMatrix(String committee, Map<String, List<String>> objects, Map<String, String> foreign, String resourcePackage) {
        this.committee = committee;
        this.objects = objects;
        this.foreign = foreign;
        this.rules = rules(resourcePackage);
    }

    public Report run() {
        JsonNode api = OpenApiOperations.document();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int calls = 0;
        int foreignProbes = 0;
        for (OpenApiOperations.Operation o : OpenApiOperations.answering(api)) {
            String method = o.method();
            String template = o.path();
            Rule rule = rules.get(o.name());
            if (rule == null) {
                failures.add(o.name() + ": no resource method found for it");
                continue;
            }
            operations++;
            String body = OpenApiSamples.requestBody(api, o.node());
            boolean changes = !method.equals("get");
            for (String user : USERS) {
                boolean allowed = allowed(user, rule, template, method);
                // this committee's objects: every state named, unless a permitted call would change them
                if (!(changes && allowed)) {
                    for (String url : urls(template, objects)) {
                        int status = call(user, method, url, body).statusCode();
                        calls++;
                        if (status >= 500 || (!allowed && status < 300)) {
                            failures.add(o.name() + " as " + user + " on " + url + " answered " + status
                                    + (allowed ? "" : " though it documents no role of theirs here"));
                        }
                    }
                }
                // another committee's object must look exactly like one that does not exist
                String foreignUrl = foreignUrl(template);
                if (foreignUrl != null) {
                    int existing = call(user, method, foreignUrl, body).statusCode();
                    int nowhere = call(user, method, substitute(template, Map.of()), body).statusCode();
                    foreignProbes += 2;
                    if (existing != nowhere || existing < 300 || existing >= 500) {
                        failures.add(o.name() + " as " + user + ": another committee's object answered " + existing
                                + ", an id that exists nowhere " + nowhere);
                    }
                }
            }
        }
        return new Report(operations, calls, foreignProbes, failures);
    }

    private Response call(String user, String method, String url, String body) {
        String token = tokens.computeIfAbsent(user, Tokens::of);
        var r = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            r = r.body(body);
        }
        return r.request(method.toUpperCase(), url);
    }

    /** URLs for this committee's objects: one per named state of the first id parameter (or one with random ids). */
    private List<String> urls(String template, Map<String, List<String>> byKind) {
        String kind = firstIdKind(template);
        List<String> ids = kind == null ? List.of() : byKind.getOrDefault(kind, List.of());
        if (ids.isEmpty()) {
            return List.of(substitute(template, Map.of()));
        }
        return ids.stream().map(id -> substitute(template, Map.of(kind, id))).toList();
    }

    private String foreignUrl(String template) {
        String kind = firstIdKind(template);
        return kind != null && foreign.containsKey(kind) ? substitute(template, Map.of(kind, foreign.get(kind))) : null;
    }

    /** The path segment before the first id parameter other than {code}, e.g. "proposals" for /proposals/{id}/…. */
    private static String firstIdKind(String template) {
        String[] parts = template.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("{") && !parts[i].equals("{code}")) {
                return parts[i - 1];
            }
        }
        return null;
    }

    /** Fills {code}, the named id, and any other parameter with a value that matches nothing. */
    private String substitute(String template, Map<String, String> ids) {
        String[] parts = template.split("/");
        StringBuilder url = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            url.append('/');
            if (p.equals("{code}")) {
                url.append(committee);
            } else if (p.startsWith("{")) {
                String id = ids.get(parts[i - 1]);
                url.append(id != null ? id : p.equals("{number}") ? "99" : UUID.randomUUID());
            } else {
                url.append(p);
            }
        }
        return url.toString();
    }

    private boolean allowed(String user, Rule rule, String template, String method) {
        if (rule.open()) {
            return true;
        }
        Set<String> realm = realmRoles(user);
        if (!rule.realmRoles().isEmpty()) {
            return rule.realmRoles().stream().anyMatch(realm::contains);
        }
        if (!template.contains("{code}")) {
            return true; // a person's own things (/me) or a provider's callback: any authenticated caller
        }
        Set<String> here = rolesIn(user).getOrDefault(committee, Set.of());
        Set<String> held = new HashSet<>(here);
        if (realm.contains("platform-admin")) {
            held.add("platform-admin");
        }
        boolean byRole = rule.committeeRoles().isEmpty() ? !here.isEmpty() : rule.committeeRoles().stream().anyMatch(held::contains);
        return byRole || (rule.supervised() && method.equals("get") && supervisesFromAbove(user));
    }

    private boolean supervisesFromAbove(String user) {
        Map<String, Set<String>> roles = rolesIn(user);
        for (String c = parent(committee); c != null; c = parent(c)) {
            if (roles.getOrDefault(c, Set.of()).stream().anyMatch(SUPERVISING::contains)) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String code) {
        return DemoCommittees.TREE.stream().filter(c -> c.code().equals(code)).findFirst().map(DemoCommittees.Demo::parentCode).orElse(null);
    }

    private Map<String, Set<String>> rolesIn(String user) {
        JsonNode claims = claims(user);
        Map<String, Set<String>> out = new HashMap<>();
        claims.path("committee_roles").forEach(g -> {
            String[] parts = g.asText().split("/");
            if (parts.length >= 3 && parts[parts.length - 2].matches("\\d{6}")) {
                out.computeIfAbsent(parts[parts.length - 2], k -> new HashSet<>()).add(parts[parts.length - 1]);
            }
        });
        return out;
    }

    private Set<String> realmRoles(String user) {
        Set<String> roles = new HashSet<>();
        claims(user).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private JsonNode claims(String user) {
        String token = tokens.computeIfAbsent(user, Tokens::of);
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** "GET /committees/{code}/…" → its rule, from the resource classes of the service and of platform-core. */
    static Map<String, Rule> rules(String resourcePackage) {
        Map<String, Rule> out = new HashMap<>();
        for (Class<?> c : resourceClasses(resourcePackage)) {
            Annotation classPath = annotation(c.getAnnotations(), "jakarta.ws.rs.Path");
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String verb = Arrays.stream(m.getAnnotations()).map(a -> a.annotationType().getName())
                        .filter(n -> Set.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE",
                                "jakarta.ws.rs.PATCH").contains(n)).map(n -> n.substring(n.lastIndexOf('.') + 1)).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Annotation methodPath = annotation(m.getAnnotations(), "jakarta.ws.rs.Path");
                String path = join(value(classPath), methodPath == null ? "" : value(methodPath));
                Annotation roles = annotation(m.getAnnotations(), "org.cppcc.platform.tenancy.CommitteeRoles");
                if (roles == null) {
                    roles = annotation(c.getAnnotations(), "org.cppcc.platform.tenancy.CommitteeRoles");
                }
                Annotation realm = annotation(m.getAnnotations(), "jakarta.annotation.security.RolesAllowed");
                if (realm == null) {
                    realm = annotation(c.getAnnotations(), "jakarta.annotation.security.RolesAllowed");
                }
                boolean open = annotation(m.getAnnotations(), "jakarta.annotation.security.PermitAll") != null
                        || annotation(c.getAnnotations(), "jakarta.annotation.security.PermitAll") != null;
                boolean supervised = annotation(m.getAnnotations(), "org.cppcc.platform.tenancy.SupervisedFromAbove") != null;
                out.put(verb + " " + path, new Rule(roles == null ? Set.of() : Set.of(values(roles)), open, supervised,
                        realm == null ? Set.of() : Set.of(values(realm))));
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        s = s.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"); // {id: regex} → {id}
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Annotation annotation(Annotation[] annotations, String type) {
        return Arrays.stream(annotations).filter(a -> a.annotationType().getName().equals(type)).findFirst().orElse(null);
    }

    private static String value(Annotation a) {
        return (String) invoke(a);
    }

    private static String[] values(Annotation a) {
        return (String[]) invoke(a);
    }

    private static Object invoke(Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Classes of the service (target/classes) and of platform-core whose name ends in Resource. */
    private static Set<Class<?>> resourceClasses(String resourcePackage) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.map(f -> p.relativize(f).toString()).filter(f -> f.endsWith("Resource.class"))
                            .forEach(f -> names.add(f.replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.contains("platform-core") && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.endsWith("Resource.class"))
                            .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        names.addAll(platformCoreFromLoader(loader));
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.startsWith(resourcePackage) && !n.startsWith("org.cppcc.platform.")) {
                continue;
            }
            try {
                classes.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    /** platform-core's resources when it is a directory on the class path (a reactor build) rather than a jar. */
    private static Set<String> platformCoreFromLoader(ClassLoader loader) {
        Set<String> names = new HashSet<>();
        for (String known : List.of("org.cppcc.platform.audit.AuditResource", "org.cppcc.platform.deadletters.DeadLetterResource",
                "org.cppcc.platform.outbox.OutboxAdminResource")) {
            try {
                Class.forName(known, false, loader);
                names.add(known);
            } catch (ClassNotFoundException e) {
                // not part of this service
            }
        }
        return names;
    }
}
