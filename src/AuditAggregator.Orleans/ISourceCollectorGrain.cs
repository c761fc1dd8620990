namespace AuditAggregator.Orleans;

/// <summary>
/// The collector of one configured source, keyed by the source name: Orleans keeps one activation of it in the
/// cluster, so two machines never read one account at once.
/// </summary>
/// <remarks>
/// Work is driven by reminders, which outlive the silo that registered them: a follow reminder for the follow
/// schedule, and one reminder per requested backfill until its window is complete. Progress is the checkpoint in
/// PostgreSQL, committed with each batch of events, so another silo resumes where a dead one stopped.
/// </remarks>
public interface ISourceCollectorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts following the source on the follow schedule, when following is enabled; does nothing when it runs already.
    /// </summary>
    /// <returns>A task that completes when the schedule is registered.</returns>
    Task StartAsync();

    /// <summary>
    /// Requests a backfill of <paramref name="window"/>: it is kept as a reminder and runs as one job, resumed from
    /// its checkpoint wherever the grain runs next, until the window is complete. Asking again changes nothing.
    /// </summary>
    /// <param name="window">The window.</param>
    /// <returns>A task that completes when the request is durable; the job runs on.</returns>
    Task BackfillAsync(BackfillWindow window);

    /// <summary>
    /// Stops collecting: cancels the running job (which commits what it took), removes the grain's reminders and
    /// deactivates it. Used when the source is removed from the configuration.
    /// </summary>
    /// <returns>A task that completes when the job stopped.</returns>
    Task StopAsync();
}
