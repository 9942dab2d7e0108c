using System.Text.RegularExpressions;

namespace LandRelease.Data.Roles;

/// <summary>
/// What the application role may do to each table: the one list to extend when a migration adds a table that records
/// history. Every table not named here gets SELECT, INSERT, UPDATE and DELETE, so a new ordinary table (ASP.NET Core
/// Identity's, say) needs no entry; a test fails when a table named like history is left unclassified.
/// </summary>
public static partial class TableClasses
{
    /// <summary>History and events: the application adds rows and reads them, never changes or removes one.</summary>
    public static readonly IReadOnlySet<string> AppendOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "audit_log",
        "admin_area_versions",
        "hazard_area_versions",
        "hazard_area_traverses",
        "activity_versions",
        "decision_events",
        "quality_incidents",
        "report_differences",
        "upload_features",
    };

    /// <summary>Written by the migrate step only (the owner): reference data and EF Core's migration history.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "countries",
        "__EFMigrationsHistory",
    };

    public const string Dml = "SELECT, INSERT, UPDATE, DELETE";

    public static string PrivilegesFor(string table) =>
        AppendOnly.Contains(table) ? "SELECT, INSERT" : ReadOnly.Contains(table) ? "SELECT" : Dml;

    /// <summary>
    /// A name that says the table keeps history or events: it must be classified, not left at DML by default. Suffixes
    /// only, so a table that merely starts with such a word (Identity's <c>account_logins</c>) is not taken for one.
    /// </summary>
    public static bool LooksLikeHistory(string table) => HistoryName().IsMatch(table);

    [GeneratedRegex("(_versions|_events|_history|_log|_journal)$|audit", RegexOptions.IgnoreCase)]
    private static partial Regex HistoryName();
}
