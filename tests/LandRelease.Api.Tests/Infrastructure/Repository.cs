using System.Reflection;

namespace LandRelease.Api.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout the tests were built from (recorded at build time by the test project).</summary>
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
