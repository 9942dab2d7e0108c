namespace LandRelease.Intake.Common;

/// <summary>
/// One feature cannot be used. Thrown deep in a parser and caught at the feature's boundary, where it becomes
/// <see cref="SourceFeature.Problem"/>; it never leaves this assembly.
/// </summary>
internal sealed class FeatureProblem : Exception
{
    public FeatureProblem(string message)
        : base(message)
    {
    }
}
