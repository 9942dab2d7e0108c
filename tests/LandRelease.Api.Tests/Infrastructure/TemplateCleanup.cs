[assembly: AssemblyFixture(typeof(LandRelease.Api.Tests.Infrastructure.TemplateCleanup))]

namespace LandRelease.Api.Tests.Infrastructure;

/// <summary>Lives as long as the test run: at its end the run's template database goes.</summary>
public sealed class TemplateCleanup : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await TestDatabases.DropTemplateAsync();
}
