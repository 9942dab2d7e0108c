namespace LandRelease.Intake.Common;

/// <summary>The refusal of a declared CRS longer than <see cref="IntakeOptions.MaxDeclaredCrsChars"/>.</summary>
internal static class CrsLimit
{
    public static UploadFormatException TooLong(string what, int maxChars) =>
        new(UploadFormatErrors.CrsTooLong,
            $"{what} coordinate system is longer than {maxChars:N0} characters; a real one is a few thousand at most.");
}
