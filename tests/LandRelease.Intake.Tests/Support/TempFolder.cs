namespace LandRelease.Intake.Tests.Support;

/// <summary>A fresh temp directory per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "landrelease-intake-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public bool IsEmpty => !Directory.EnumerateFileSystemEntries(Path).Any();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
