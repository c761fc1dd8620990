using AuditAggregator.Hosting;
using AuditAggregator.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditAggregator.Collector.Silo;

/// <summary>
/// The sources of one silo, from a sources file: read at start and again whenever the file changes, so sources
/// are added and removed at runtime. Each reading builds its sources in a service provider of its own.
/// </summary>
/// <remarks>
/// A replaced provider is disposed after a grace period, once the collector grains stopped using its sources (a
/// job still reading then fails and runs again with the new instance at its next reminder).
/// </remarks>
internal sealed class SourcesFileCatalog : IAuditSourceCatalog, IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly AuditSourceCatalog _catalog = new([]);
    private ServiceProvider? _current;
    private DateTime _lastWrite;

    private SourcesFileCatalog(string path, ILoggerFactory loggerFactory)
    {
        _path = path;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SourcesFileCatalog>();
    }

    public event EventHandler? Changed
    {
        add => _catalog.Changed += value;
        remove => _catalog.Changed -= value;
    }

    public IReadOnlyCollection<string> Names => _catalog.Names;

    public static async Task<SourcesFileCatalog> LoadAsync(string path, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var catalog = new SourcesFileCatalog(path, loggerFactory);
        await catalog.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return catalog;
    }

    public IAuditSource? Find(string name) => _catalog.Find(name);

    /// <summary>
    /// Reads the file again when it changed since the last reading; a file that became invalid keeps the sources
    /// of the last good reading.
    /// </summary>
    public async Task ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        if (File.GetLastWriteTimeUtc(_path) == _lastWrite)
        {
            return;
        }

        try
        {
            await ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollectorException ex)
        {
            _logger.LogError("The sources file changed but cannot be used, so the sources stay as they were: {Error}", ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        _lastWrite = File.GetLastWriteTimeUtc(_path);
        AuditSourcesFile file;
        try
        {
            file = await AuditSourcesFile.LoadAsync(_path, Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditSourcesFileException ex)
        {
            throw new CollectorException(ex.Message, ex);
        }

        foreach (var warning in file.Warnings)
        {
            _logger.LogWarning("{Warning}", warning.ToString());
        }

        var services = new ServiceCollection();
        services.AddSingleton(_loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAuditSources(file.Sources);
        var provider = services.BuildServiceProvider();
        var previous = _current;
        _current = provider;
        _catalog.Replace(provider.GetServices<IAuditSource>());
        _logger.LogInformation("Sources file read: {Count} sources", _catalog.Names.Count);
        if (previous is not null)
        {
            _ = DisposeLaterAsync(previous);
        }
    }

    private static async Task DisposeLaterAsync(ServiceProvider provider)
    {
        await Task.Delay(Grace).ConfigureAwait(false);
        await provider.DisposeAsync().ConfigureAwait(false);
    }
}
