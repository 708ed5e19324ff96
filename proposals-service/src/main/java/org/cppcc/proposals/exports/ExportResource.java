package org.cppcc.proposals.exports;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@Path("/committees/{code}/proposals/export")
@Tag(name = "exports", description = "导出: a session's proposals and statistics as CSV or XLSX with Chinese headers, streamed")
public class ExportResource {

    private final Exports exports;

    public ExportResource(Exports exports) {
        this.exports = exports;
    }

    @GET
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "A session's filed proposals (default: the current one) with units, reply class and rating; ?format=csv|xlsx (default xlsx)")
    public Response proposals(@PathParam("code") String code, @QueryParam("term") Integer term, @QueryParam("session") Integer session,
                              @QueryParam("format") String format) {
        TableWriter.Format f = Exports.format(format);
        return file(exports.proposals(term, session, f), f, code + "-提案");
    }

    /** A download: the file's name in Chinese for browsers that read filename*, an ASCII one for the rest. */
    public static Response file(StreamingOutput body, TableWriter.Format format, String name) {
        String filename = URLEncoder.encode(name + "." + format.extension, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"export." + format.extension + "\"; filename*=UTF-8''" + filename).build();
    }
}
