using Hangfire;
using LandRelease.Api.Countries;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Organisations;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddLandRelease();
var app = builder.Build();

if (args.Contains("migrate"))
{
    await DatabaseSetup.MigrateAsync(app.Services);
    return;
}

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");
app.MapHangfireDashboard("/hangfire");

app.MapCountries();
app.MapOrganisations();
app.MapHazardAreas();

await DatabaseSetup.PrepareAsync(app);
await app.RunAsync();

public partial class Program;
