using Hangfire;
using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Audit;
using LandRelease.Api.Countries;
using LandRelease.Api.Exports;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Ogc;
using LandRelease.Api.Organisations;
using LandRelease.Api.Quality;
using LandRelease.Api.Releases;
using LandRelease.Api.Releases.Certificates;
using LandRelease.Api.Reports;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Api.Samples;
using LandRelease.Api.Traverses;
using LandRelease.Api.Uploads;
using LandRelease.Web;
using LandRelease.Web.Reports;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(builder.Configuration, builder.Environment, tokenArgs);
}

builder.AddLandRelease();
var app = builder.Build();

if (args.Contains("migrate"))
{
    await DatabaseSetup.MigrateAsync(app.Services);
    return 0;
}

if (args is ["user", .. var userArgs])
{
    return await UserCommand.RunAsync(app.Services, userArgs);
}

if (args.Contains("rebuild-reports"))
{
    return await ReportCommands.RebuildAsync(app.Services);
}

if (WorkerNode.IsConfigured(app.Configuration))
{
    return await WorkerNode.RunAsync(app);
}

// First, so everything after it (rate limits, audit, logs) sees the client's address, not the proxy's.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseRequestLineLimits();
app.UseStatusCodePages();
app.UseLandReleasePages();
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseOgcBasicCredentials();
app.UseAuthentication();
app.UseAuthorization();
app.UseQueryParameterCheck();
app.UseLandReleaseAntiforgery();
app.UseStorableRequestText();

// Anonymous: the health probe and the API's documentation (which holds no data).
app.MapHealthChecks("/health").AllowAnonymous().RequireRateLimiting(RequestLimits.AnonymousPolicy);
app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RequestLimits.AnonymousPolicy);
app.MapScalarApiReference().AllowAnonymous().RequireRateLimiting(RequestLimits.AnonymousPolicy);
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [] }, app.Services.GetRequiredService<JobStorage>())
    .RequireAuthorization(Policies.Admin);

app.MapCountries();
app.MapOrganisations();
app.MapHazardAreas();
app.MapActivities();
app.MapReleaseDecisions();
app.MapCertificates();
app.MapQualityIncidents();
app.MapAudit();
app.MapUploads();
app.MapTraverses();
app.MapReports();
app.MapLandReleaseWeb();
app.MapReportPages();
app.MapOgc();
app.MapExports();

await DatabaseSetup.PrepareAsync(app);
await DemoAccounts.EnsureAsync(app);
RecurringJobs.Register(app.Services, app.Configuration);

await app.RunAsync();
return 0;

public partial class Program;
