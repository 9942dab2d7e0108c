using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LandRelease.Api.Tests.Operations;

/// <summary>The API on a fresh database with the repository's samples loaded at start-up, as `./landrelease run` does.</summary>
public sealed class SampledApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samples:LoadFrom", Path.Combine(Repository.Root, "samples"));
    }
}

/// <summary>The API on a database a test restored; disposing it drops that database.</summary>
public sealed class RestoredApiFactory(string ownerConnectionString) : ApiFactory
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ownerConnectionString);
}
