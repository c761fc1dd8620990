namespace AuditAggregator.FaultTests.Support;

/// <summary>How <see cref="KilledExport.RunAsync"/> spreads its kills over an export.</summary>
/// <param name="Kills">How many times to kill the console before letting it finish.</param>
/// <param name="Seed">The seed of the steps and delays.</param>
/// <param name="ExpectedBytes">About how long the finished output is.</param>
/// <param name="StepDivisor">
/// A step between kills is at most 1/<c>StepDivisor</c> of <paramref name="ExpectedBytes"/> and at least half that:
/// small enough that <paramref name="Kills"/> steps cannot run past the end.
/// </param>
public sealed record KillPlan(int Kills, int Seed, int ExpectedBytes, int StepDivisor);
