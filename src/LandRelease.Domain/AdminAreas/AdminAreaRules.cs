using System.Globalization;
using System.Text.RegularExpressions;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.AdminAreas;

/// <summary>
/// What makes a set of administrative areas loadable: each has a code, a name and a level (1 province, 2 district);
/// a province has no parent, a district names the province it lies in, loaded before or in the same file; a code
/// appears once per file. The outline itself passes the geometry checks every intake path uses.
/// </summary>
public static partial class AdminAreaRules
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public static readonly IReadOnlyList<int> Levels = [1, 2];

    /// <summary>A feature's attributes, as read (any may be missing or malformed).</summary>
    public sealed record Attributes(string? Code, string? Name, string? Level, string? ParentCode);

    /// <summary>The rules one feature breaks on its own; <paramref name="level"/> is 0 when it cannot be read.</summary>
    public static IReadOnlyList<RuleViolation> Check(Attributes attributes, out int level)
    {
        var violations = new List<RuleViolation>();
        level = 0;
        if (string.IsNullOrWhiteSpace(attributes.Code))
        {
            violations.Add(new("code-required", "properties.code", "Every administrative area needs its official code (e.g. KH-2)."));
        }
        else if (attributes.Code.Length > MaxCodeLength || !CodePattern().IsMatch(attributes.Code))
        {
            violations.Add(new("code-malformed", "properties.code",
                $"'{attributes.Code}' is not a code: letters, digits, '-', '_' and '.', at most {MaxCodeLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(attributes.Name))
        {
            violations.Add(new("name-required", "properties.name", "Every administrative area needs its name."));
        }
        else if (attributes.Name.Trim().Length > MaxNameLength)
        {
            violations.Add(new("name-too-long", "properties.name", $"A name is at most {MaxNameLength} characters."));
        }

        if (!int.TryParse(attributes.Level, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out level)
            || !Levels.Contains(level))
        {
            violations.Add(new("level-unknown", "properties.level",
                $"level is 1 (province) or 2 (district), not '{attributes.Level}'."));
            level = 0;
        }
        else if (level == 1 && !string.IsNullOrWhiteSpace(attributes.ParentCode))
        {
            violations.Add(new("parent-of-province", "properties.parentCode", "A level 1 area (province) has no parent code."));
        }
        else if (level == 2 && string.IsNullOrWhiteSpace(attributes.ParentCode))
        {
            violations.Add(new("parent-required", "properties.parentCode",
                "A level 2 area (district) names the code of the level 1 area it lies in."));
        }

        return violations;
    }

    /// <summary>
    /// The rules a feature breaks among the others: a code used earlier in the file, a parent that is no province
    /// (of this file, or already loaded).
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckInSet(AdminAreaDetails area, ISet<string> codesSoFar,
        IReadOnlySet<string> fileProvinces, IReadOnlySet<string> knownProvinces)
    {
        var violations = new List<RuleViolation>();
        if (!codesSoFar.Add(area.Code))
        {
            violations.Add(new("code-repeated", "properties.code", $"The code '{area.Code}' appears more than once in the file."));
        }

        if (area is { Level: 2, ParentCode: { } parent } && !fileProvinces.Contains(parent) && !knownProvinces.Contains(parent))
        {
            violations.Add(new("parent-unknown", "properties.parentCode",
                $"No level 1 area has the code '{parent}', in this file or loaded before."));
        }

        return violations;
    }

    /// <summary>
    /// Two areas of one level may share a border but not land: figures are placed in every area that holds them, so an
    /// overlap would count its land in both. Below a square metre the overlap is arithmetic noise along a shared border.
    /// </summary>
    public const double OverlapToleranceSqm = 1.0;

    /// <summary>The rule an area breaks by sharing land with another of its level (in the file, or loaded before).</summary>
    public static RuleViolation Overlaps(int level, string other, double overlapSqm, Coordinate around) => new("overlaps-area", "geometry",
        $"It overlaps level {level} area '{other}' by {overlapSqm.ToString("N0", CultureInfo.InvariantCulture)} m² around "
        + $"{IssueText.At(around)}: areas of one level may share a border but not land, or the figures there would count in both.");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();
}
