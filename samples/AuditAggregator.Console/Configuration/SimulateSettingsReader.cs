using System.Globalization;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>Reads the options of <c>simulate</c> into <see cref="SimulateSettings"/>.</summary>
internal static class SimulateSettingsReader
{
    private const string FaultWords = "429, a status from 500 to 599, drop, truncate or slow (429:5s sets Retry-After, slow:10s the delay)";

    private static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(10);

    public static SimulateSettings Read(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rate = ArgumentValues.Fraction(ConsoleOptions.FaultRate, args.Text(ConsoleOptions.FaultRate)) ?? 0;
        var faults = args.Values(ConsoleOptions.Faults).Select(Fault).ToList();
        if (faults.Count > 0 && rate == 0)
        {
            throw new BadArgumentException(ConsoleOptions.Faults, "names the faults to draw from, but no request gets one without --fault-rate above 0 (such as 0.1).");
        }

        var appendEvery = ArgumentValues.Duration(ConsoleOptions.AppendEvery, args.Text(ConsoleOptions.AppendEvery), TimeSpan.Zero, TimeSpan.FromDays(1)) ?? TimeSpan.FromSeconds(5);
        if (appendEvery > TimeSpan.Zero && appendEvery < TimeSpan.FromSeconds(1))
        {
            throw new BadArgumentException(ConsoleOptions.AppendEvery, $"{args.Text(ConsoleOptions.AppendEvery)} is below the minimum of 1s; give 0 (no new events) or 1s or more.");
        }

        var accounts = ArgumentValues.WholeNumber(ConsoleOptions.SimulatorAccounts, args.Text(ConsoleOptions.SimulatorAccounts), 1, 100) ?? 1;
        foreach (var port in new[] { ConsoleOptions.DocSpacePort, ConsoleOptions.ExaVaultPort }.Where(p => accounts > 1 && args.Text(p) is not null))
        {
            throw new BadArgumentException(port, "fixes the port of one simulator, but --simulator-accounts starts several of each vendor; leave it out, and free ports are chosen and printed.");
        }

        return new SimulateSettings
        {
            Accounts = accounts,
            DocSpacePort = ArgumentValues.WholeNumber(ConsoleOptions.DocSpacePort, args.Text(ConsoleOptions.DocSpacePort), 0, 65535) ?? 0,
            ExaVaultPort = ArgumentValues.WholeNumber(ConsoleOptions.ExaVaultPort, args.Text(ConsoleOptions.ExaVaultPort), 0, 65535) ?? 0,
            Events = ArgumentValues.WholeNumber(ConsoleOptions.SimulatorEvents, args.Text(ConsoleOptions.SimulatorEvents), 0, 10_000_000) ?? 5000,
            Latency = ArgumentValues.Duration(ConsoleOptions.SimulatorLatency, args.Text(ConsoleOptions.SimulatorLatency), TimeSpan.Zero, TimeSpan.FromMinutes(1)) ?? TimeSpan.Zero,
            FaultRate = rate,
            Faults = faults.Count > 0 ? faults : [SimulatedFault.ServerError(503), SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1))],
            AppendEvery = appendEvery,
        };
    }

    private static SimulatedFault Fault(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var duration = parts.Length == 2 ? ArgumentValues.Duration(ConsoleOptions.Faults, parts[1], TimeSpan.Zero, TimeSpan.FromMinutes(10)) : null;
        var kind = parts[0].ToLowerInvariant();
        if (duration is not null && kind is not ("429" or "slow"))
        {
            throw new BadArgumentException(ConsoleOptions.Faults, $"'{text}': only 429 and slow take a duration; a fault is {FaultWords}.");
        }

        return kind switch
        {
            "429" => SimulatedFault.TooManyRequests(duration ?? TimeSpan.FromSeconds(1)),
            "drop" => SimulatedFault.DropConnection(),
            "truncate" => SimulatedFault.TruncatedBody(),
            "slow" => SimulatedFault.Slow(duration ?? DefaultSlowDelay),
            _ when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 500 and <= 599 => SimulatedFault.ServerError(status),
            _ => throw new BadArgumentException(ConsoleOptions.Faults, $"'{text}' is not a fault; give {FaultWords}."),
        };
    }
}
