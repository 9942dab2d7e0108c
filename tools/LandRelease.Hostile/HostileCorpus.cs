namespace LandRelease.Hostile;

/// <summary>
/// Every hostile case, family by family. A new family is a new file with a <c>Cases()</c> method, added here;
/// the test suite and <c>./landrelease bench hostile</c> both run this list.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        .. DateCases.Cases(),
        .. TextCases.Cases(),
        .. NumberCases.Cases(),
        .. ShapeCases.Cases(),
        .. QueryCases.Cases(),
        .. UploadCases.Cases(),
        .. UploadFileCases.Cases(),
    ];
}
