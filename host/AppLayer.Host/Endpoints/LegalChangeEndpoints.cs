using AppLayer.Core.LegalChanges;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>Legal changes as work items: record, update, status workflow, package links, audit trail, import (manager key).</summary>
internal static class LegalChangeEndpoints
{
    public static IEndpointRouteBuilder MapLegalChangeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/legal-changes").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);

        api.MapPost("", async (CreateLegalChangeRequest request, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
        {
            var (change, created) = await changes.RecordAsync(request, Actor.Of(context), ct);
            return created ? Results.Created($"/api/legal-changes/{change.Id}", change) : Results.Ok(change);
        });
        api.MapGet("", (LegalChangeService changes, CancellationToken ct) => changes.ListAsync(ct));
        api.MapGet("/{id:long}", (long id, LegalChangeService changes, CancellationToken ct) => changes.GetAsync(id, ct));
        api.MapPatch("/{id:long}", (long id, UpdateLegalChangeRequest request, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
            changes.UpdateAsync(id, request, Actor.Of(context), ct));
        api.MapPost("/{id:long}/status", (long id, SetLegalChangeStatusRequest request, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
            changes.SetStatusAsync(id, request, Actor.Of(context), ct));
        api.MapGet("/{id:long}/audit", (long id, LegalChangeService changes, CancellationToken ct) => changes.AuditAsync(id, ct));
        api.MapPost("/{id:long}/packages", (long id, LinkPackageRequest request, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
            changes.LinkPackageAsync(id, request, Actor.Of(context), ct));
        api.MapDelete("/{id:long}/packages/{packageId}", (long id, string packageId, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
            changes.UnlinkPackageAsync(id, packageId, Actor.Of(context), ct));
        api.MapPost("/import", async (ImportLegalChangeRequest request, HttpContext context, LegalChangeService changes, CancellationToken ct) =>
        {
            var imported = await changes.ImportAsync(request, Actor.Of(context), ct);
            return imported.Outcome == "created"
                ? Results.Created($"/api/legal-changes/{imported.Change.Id}", imported)
                : Results.Ok(imported);
        });
        return app;
    }
}
