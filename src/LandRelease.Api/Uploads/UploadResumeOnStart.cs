using Microsoft.Extensions.Options;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Finishes, as the API starts, the merges a crash cut short, instead of leaving them to the sweep ten minutes on:
/// until then a half-merged upload would read as if little of it had landed. Safe with several nodes starting at once
/// (each merge takes the upload's advisory lock). Off with Uploads:ResumeOnStart = false.
/// </summary>
internal sealed class UploadResumeOnStart(IServiceScopeFactory scopes, IOptions<UploadOptions> options,
    ILogger<UploadResumeOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ResumeOnStart)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UploadSweepJob>().ResumeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be reachable yet: the recurring sweep finishes what this could not.
            logger.LogWarning(e, "Interrupted uploads could not be resumed at start-up; the sweep will merge them");
        }
    }
}
