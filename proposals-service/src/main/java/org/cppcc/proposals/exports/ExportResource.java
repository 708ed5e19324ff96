package org.cppcc.proposals.exports;

import org.cppcc.platform.exports.TableWriter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


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
        TableWriter.Format f = TableWriter.Format.parse(format);
        return TableWriter.download(exports.proposals(term, session, f), f, code + "-提案");
    }

    @GET
    @Path("report-annex")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "提案工作报告附件 of a session (default: the current one): 立案提案目录, the units' items as lead and co-handler "
            + "(on time, published), 优秀提案 and 优秀承办单位; ?format=csv|xlsx (default xlsx)")
    public Response reportAnnex(@PathParam("code") String code, @QueryParam("term") Integer term, @QueryParam("session") Integer session,
                                @QueryParam("format") String format) {
        TableWriter.Format f = TableWriter.Format.parse(format);
        return TableWriter.download(exports.reportAnnex(term, session, f), f, code + "-提案工作报告附件");
    }
}
