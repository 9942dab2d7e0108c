using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Countries;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Samples;
using LandRelease.Api.Uploads;
using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using LandRelease.Web;

namespace LandRelease.Api.Infrastructure;

internal static class ServiceRegistration
{
    public static WebApplicationBuilder AddLandRelease(this WebApplicationBuilder builder)
    {
        var connections = DatabaseConnections.From(builder.Configuration);
        var connectionString = connections.Application;

        // Under systemd (deploy/): ready is signalled once started (Type=notify), and logs reach journald with their level.
        builder.Host.UseSystemd();
        var services = builder.Services;
        services.AddSingleton(connections);
        services.AddLandReleaseData(connectionString);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CountryBoundaries>();
        services.AddSingleton<Data.Countries.CountryOutlines>();
        services.AddSingleton<HazardAreaFeatures>();
        services.AddScoped<HazardAreaRegister>();
        services.AddScoped<Data.HazardAreas.HazardAreaWriter>();
        services.AddScoped<Data.AdminAreas.AdminAreaWriter>();
        services.AddScoped<SampleLoader>();
        services.AddScoped<SampleDecisions>();
        services.AddScoped<SampleAdminAreas>();
        services.AddScoped<Releases.ReleaseDecisionService>();
        services.AddScoped<LandRelease.Web.Review.IDecisionMoves, Releases.PageDecisionMoves>();
        services.AddScoped<ActivityShapeChecks>();
        services.AddScoped<ActivityValidation>();
        services.AddScoped<ActivityRegister>();
        services.AddScoped<ActivityDecisions>();
        services.AddSingleton<Data.Reports.ReportRefresher>();
        services.AddSingleton<Data.Reports.ReportReader>();
        services.AddSingleton<Data.Reports.RegionalReader>();
        services.AddSingleton<Reports.Html.HtmlDocuments>();
        services.AddSingleton<Data.Reports.IReportTrigger, Reports.Pipeline.HangfireReportTrigger>();
        services.Configure<RegisterOptions>(builder.Configuration.GetSection(RegisterOptions.Section));
        services.Configure<ActivityOptions>(builder.Configuration.GetSection(ActivityOptions.Section));
        services.Configure<Releases.Certificates.CertificateOptions>(builder.Configuration.GetSection(Releases.Certificates.CertificateOptions.Section));
        services.AddSingleton<Releases.Certificates.PdfPrinter>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(
                new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
            options.SerializerOptions.Converters.Add(new StorableStringConverter());
        });
        // Binding failures (invalid JSON, wrong types) reach the exception handler, which names what is wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityScheme>()
            .AddDocumentTransformer<ApiDocumentDescription>().AddOperationTransformer<ProblemResponses>()
            .AddOperationTransformer<QueryDocumentation.Transformer>());
        services.AddLandReleaseDataProtection(builder.Configuration);
        services.AddLandReleaseAuth(builder.Configuration, builder.Environment);
        services.AddLandReleaseWeb(builder.Configuration);
        // The pages' files from their build output in every environment (published output has them in wwwroot).
        builder.WebHost.UseStaticWebAssets();
        services.AddLandReleaseProxyHeaders(builder.Configuration);
        services.AddLandReleaseRateLimits(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RequestLimits.DefaultBodyBytes;
            kestrel.Limits.MaxRequestLineSize = RequestLineLimits.KestrelRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLineLimits.KestrelHeaderBytes;
        });
        services.AddLandReleaseJobs(builder.Configuration, connectionString);
        services.AddLandReleaseUploads(builder.Configuration);
        return builder;
    }
}
