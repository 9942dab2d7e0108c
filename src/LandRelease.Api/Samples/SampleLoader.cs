using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Organisations;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Samples;

/// <summary>
/// Loads samples/ into an empty or partly loaded database through the register's own write path, so the
/// samples obey every rule real data does. Records that exist are left alone: loading twice changes nothing.
/// </summary>
internal sealed class SampleLoader(LandReleaseDbContext db, HazardAreaRegister register, SampleDecisions decisions, SampleAdminAreas adminAreas,
    TimeProvider clock, ILogger<SampleLoader> logger)
{
    /// <summary>The loader acts as the national authority of every country it loads.</summary>
    private static UserScope LoaderScope(IEnumerable<string> countries) => UserScope.From(new System.Security.Claims.ClaimsPrincipal(
        new System.Security.Claims.ClaimsIdentity(
            countries.Select(c => new System.Security.Claims.Claim(TokenClaims.Country, c))
                .Append(new(TokenClaims.Name, "sample-loader"))
                .Append(new(TokenClaims.Role, Roles.NationalAuthority)), "samples")));

    public async Task LoadAsync(string directory, CancellationToken ct)
    {
        var organisations = await ReadAsync<OrganisationRequest[]>(Path.Combine(directory, "organisations.json"), ct) ?? [];
        foreach (var request in organisations)
        {
            var errors = await OrganisationRequestValidator.ValidateAsync(request, db, ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Sample organisation {request.Code} is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            }

            var code = request.Code!.Trim().ToUpperInvariant();
            if (!await db.Organisations.AnyAsync(o => o.Code == code, ct))
            {
                db.Organisations.Add(Organisation.Create(Guid.CreateVersion7(), code, request.Name!,
                    WireName<OrganisationKind>.Parse(request.Kind!), request.Countries!, clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(ct);

        var areas = await ReadAsync<SampleFeatureCollection>(Path.Combine(directory, "hazard-areas.geojson"), ct);
        var loader = LoaderScope(await db.Countries.Select(c => c.Code).ToListAsync(ct));
        int stored = 0, present = 0;
        foreach (var feature in areas?.Features ?? [])
        {
            switch (await register.RegisterAsync(feature, loader, ct))
            {
                case RegisterOutcome.Stored { Warnings.Count: > 0 } withWarnings:
                    stored++;
                    logger.LogWarning("Sample {LocalId}: {Warnings}", feature.Properties?.LocalId,
                        string.Join("; ", withWarnings.Warnings.Select(w => w.Message)));
                    break;
                case RegisterOutcome.Stored:
                    stored++;
                    break;
                case RegisterOutcome.Duplicate:
                    present++;
                    break;
                case var failure:
                    throw new InvalidOperationException($"Sample {feature.Properties?.LocalId} was refused: {failure}");
            }
        }

        var decided = await decisions.LoadAsync(Path.Combine(directory, "release-decisions.json"), loader, ct);
        var provinces = await adminAreas.LoadAsync(directory, loader.Actor, ct);
        logger.LogInformation("Samples: {Stored} hazardous areas loaded, {Present} already present, {Decisions} release decisions loaded, " +
            "{AdminAreas} administrative areas loaded or unchanged", stored, present, decided, provinces);
    }

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, JsonSerializerOptions.Web, ct);
    }

    private sealed record SampleFeatureCollection(HazardAreaFeatureRequest[] Features);
}
