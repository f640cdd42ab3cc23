using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Messaging.Tests.Fixtures;

/// <summary>Set NP_TEST_LOG=/path/file to see the hosts' warnings and errors when a test fails.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private static readonly Lock WriteLock = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (WriteLock)
            {
                File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception}\n");
            }
        }
    }
}
