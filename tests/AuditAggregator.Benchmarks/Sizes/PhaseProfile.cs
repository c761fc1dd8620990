using System.Diagnostics;
using System.Globalization;
using AuditAggregator.Benchmarks.Naive;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.ExaVault;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Parsing;

namespace AuditAggregator.Benchmarks.Sizes;

/// <summary>
/// <c>profile</c>: each page's parse-and-map next to its floor and, for ExaVault, next to the DTO path it replaced
/// (source-generated deserialization into the public records, then the mappers; DocSpace has no DTO path left), timed with a stopwatch and
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>. For a profile by method, run the <c>loop</c> verb under
/// <c>dotnet-trace collect --profile dotnet-sampled-thread-time</c> (see the README).
/// </summary>
internal static class PhaseProfile
{
    public static IEnumerable<string> Describe()
    {
        var pages = CapturedPages.Current;
        var parser = new LoginPageParser();
        var next = 0;

        yield return Phase("docspace floor", CapturedPages.DocSpaceItems, () => JsonFloor.CountTokens(NextPage()));
        yield return Phase("docspace parser", CapturedPages.DocSpaceItems, () => AdapterPath.DocSpaceAsync(NextPage(), parser).AsTask().GetAwaiter().GetResult());
        yield return Phase("docspace parser, cold", CapturedPages.DocSpaceItems, () => AdapterPath.DocSpaceAsync(NextPage()).AsTask().GetAwaiter().GetResult());
        yield return Phase("docspace naive", CapturedPages.DocSpaceItems, () => NaivePipeline.DocSpace(NextPage()));

        yield return Phase("session floor", CapturedPages.ExaVaultItems, () => JsonFloor.CountTokens(pages.Sessions));
        yield return Phase("session parser", CapturedPages.ExaVaultItems, () => AdapterPath.SessionsAsync(pages.Sessions).AsTask().GetAwaiter().GetResult());
        yield return Phase("session dto path", CapturedPages.ExaVaultItems, () => new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).ParseThroughDtos(pages.Sessions).GetEvents());
        yield return Phase("session naive", CapturedPages.ExaVaultItems, () => NaivePipeline.Sessions(pages.Sessions));

        yield return Phase("webhook floor", CapturedPages.ExaVaultItems, () => JsonFloor.CountTokens(pages.Webhooks));
        yield return Phase("webhook parser", CapturedPages.ExaVaultItems, () => AdapterPath.WebhooksAsync(pages.Webhooks).AsTask().GetAwaiter().GetResult());
        yield return Phase("webhook dto path", CapturedPages.ExaVaultItems, () => new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).ParseThroughDtos(pages.Webhooks).GetEvents());
        yield return Phase("webhook naive", CapturedPages.ExaVaultItems, () => NaivePipeline.Webhooks(pages.Webhooks));

        byte[] NextPage() => pages.DocSpacePages[next++ % pages.DocSpacePages.Count];
    }

    private static string Phase(string name, int events, Func<object?> run)
    {
        // Long enough for tiered compilation to reach its optimized code (20 rounds measured tier-0 code).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1_500)
        {
            run();
        }

        var rounds = 0;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.ElapsedMilliseconds < 500)
        {
            GC.KeepAlive(run());
            rounds++;
        }

        stopwatch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        var perEvent = stopwatch.Elapsed.TotalNanoseconds / rounds / events;
        return string.Create(CultureInfo.InvariantCulture, $"{name,-22} {perEvent,9:N0} ns/event {(double)bytes / rounds / events,9:N0} B/event");
    }
}
