using System.Reflection;
using LandRelease.Api.Samples;
using LandRelease.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Web.Tests.Reports;

/// <summary>The whole host with the repository's samples loaded: Cambodia's register and decisions; nine states without data.</summary>
public sealed class SamplesWebFactory : WebFactory, IAsyncLifetime
{
    public static string SamplesDirectory { get; } = Path.Combine(
        typeof(SamplesWebFactory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "samples");

    /// <summary>After the accounts and their organisations: the loader skips the organisations that exist.</summary>
    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadAsync(SamplesDirectory, CancellationToken.None);
    }
}
