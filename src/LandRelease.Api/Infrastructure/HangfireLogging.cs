using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Hangfire logs through one process-wide provider (LogProvider is static, set by whichever host starts last). Bound
/// to a host that has stopped, Hangfire's default provider throws from the logger factory that host disposed, and
/// the throw fails the job workers of every other host in the process (tests run several). This one drops the
/// message instead, and creates each logger when it logs rather than holding one.
/// </summary>
internal sealed class HangfireLogging(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new Log(factory, name);

    private sealed class Log(ILoggerFactory factory, string name) : ILog
    {
        bool ILog.Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                var logger = factory.CreateLogger(name);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
                    logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
