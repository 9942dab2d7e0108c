using LandRelease.Data.Uploads;
using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Traverses;

namespace LandRelease.Api.Uploads;

internal static class UploadServices
{
    /// <summary>
    /// Batch uploads and the coordinate systems they are read in. Datum shifts come from the built-in published table,
    /// overridden per datum by Coordinates:DatumShifts:&lt;datum&gt; = "tx,ty,tz,rx,ry,rz,ds" (a national authority's own).
    /// </summary>
    public static IServiceCollection AddLandReleaseUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection(UploadOptions.Section));
        var overrides = configuration.GetSection("Coordinates:DatumShifts").GetChildren()
            .Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)).ToList();
        var systems = new CoordinateSystems(DatumShiftTable.Default.WithOverrides(overrides));
        services.AddSingleton(systems);
        services.AddSingleton(new TraverseCalculator(systems,
            configuration.GetSection("Traverses").Get<TraverseOptions>() ?? TraverseOptions.Default));
        services.AddSingleton<TraverseGeometry>();
        services.AddSingleton<SourceCoordinates>();
        services.AddSingleton<UploadRows>();
        services.AddSingleton<UploadProgress>();
        services.AddScoped<HazardAreaIntake>();
        services.AddScoped<ActivityIntake>();
        services.AddScoped<AdminAreaIntake>();
        services.AddScoped<UploadReceiver>();
        services.AddScoped<UploadMerger>();
        services.AddScoped<UploadMergeJob>();
        services.AddScoped<UploadSweepJob>();
        services.AddHostedService<UploadResumeOnStart>();
        return services;
    }
}
