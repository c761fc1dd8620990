namespace AuditAggregator.Orleans.Internal;

/// <summary>
/// Keeps the last status the collector grain of one source reported.
/// </summary>
internal sealed class SourceStatusGrain : Grain, ISourceStatusGrain
{
    private SourceStatus? _status;

    public Task<SourceStatus> GetAsync() =>
        Task.FromResult(_status ?? new SourceStatus { Source = this.GetPrimaryKeyString(), State = SourceState.Unknown });

    public Task ReportAsync(SourceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _status = status;
        return Task.CompletedTask;
    }
}
