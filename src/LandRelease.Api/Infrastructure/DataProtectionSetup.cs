using System.Xml.Linq;
using LandRelease.Data.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Sign-in cookies and antiforgery tokens must read alike on every API node, so the data-protection keys live in the
/// database all nodes share (<see cref="DataProtectionKeyRows"/>) under one application name, not in each machine's
/// $HOME. DataProtection:KeysDirectory keeps them in a folder instead (one machine, or a shared mount).
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "LandRelease";

    public static IServiceCollection AddLandReleaseDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } directory)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(directory));
            return services;
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new DatabaseKeyRing(dataSource));
        return services;
    }

    private sealed class DatabaseKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            DataProtectionKeyRows.ReadAll(dataSource).Select(xml => XElement.Parse(xml)).ToList();

        public void StoreElement(XElement element, string friendlyName) =>
            DataProtectionKeyRows.Add(dataSource, friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
