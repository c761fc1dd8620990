using AuditAggregator.ContractTests.Adapters;
using AuditAggregator.DocSpace;
using AuditAggregator.Simulators;
using NodaTime;

namespace AuditAggregator.ContractTests.Simulators;

/// <summary>
/// The real adapter's audit stream against the DocSpace simulator: the whole simulated trail of a window once, the
/// same events whether the enums come as numbers or names, and the no-audit plan refused.
/// </summary>
public sealed class DocSpaceAuditTrailSimulatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuditQuery Window = AuditQuery.Between(Instant.FromDateTimeOffset(Now.AddDays(-20)), Instant.FromDateTimeOffset(Now.AddDays(-2))) with
    {
        Streams = [DocSpaceSourceNames.AuditStream],
    };

    private static async Task<(List<AuditEvent> Events, Exception? Error, DocSpaceSimulator Simulator)> ReadAsync(Action<DocSpaceSimulatorOptions> configure)
    {
        var options = new DocSpaceSimulatorOptions { EventCount = 1_500, AuditEventCount = 1_500, Now = Now, Seed = 7 };
        configure(options);
        var simulator = await DocSpaceSimulator.StartAsync(options);
        await using var services = AdapterHost.DocSpace(simulator.BaseUri, o => o.ApiKey = AuditAggregator.Simulators.DocSpaceCredential.DefaultApiKey);
        var (events, error) = await AdapterHost.TryReadAllAsync(services, Window);
        return (events, error, simulator);
    }

    [Fact]
    public async Task ReadAsync_EnumsAsNumbersOrNames_TheSameEventsAsTheSimulatedTrail()
    {
        var (numbers, numbersError, first) = await ReadAsync(_ => { });
        await using var firstSimulator = first;
        var (names, namesError, second) = await ReadAsync(o => o.AuditEnumsAsNames = true);
        await using var secondSimulator = second;

        Assert.Null(numbersError);
        Assert.Null(namesError);
        var expected = first.Data.AuditEventsBetween(Window.From!.Value.ToDateTimeOffset(), Window.To!.Value.ToDateTimeOffset().AddSeconds(-1)).Select(r => r.AuditId).ToList();
        Assert.Equal(expected.AsEnumerable().Reverse(), numbers.Select(e => e.Id));
        Assert.Equal(numbers.Select(e => (e.Id, e.Action, e.Resource)), names.Select(e => (e.Id, e.Action, e.Resource)));
        Assert.Equal(
            numbers.Where(e => e.Action != AuditActions.Other).Select(e => (e.VendorAction, e.VendorActionName)),
            names.Where(e => e.Action != AuditActions.Other).Select(e => (e.VendorAction, e.VendorActionName)));

        // A code no table here knows keeps what the server sent: its number, or its name.
        Assert.Contains(numbers, e => e.Action == AuditActions.Other && e.VendorAction == "5078");
        Assert.Contains(names, e => e.Action == AuditActions.Other && e.VendorAction == "AddedRoomTags" && e.VendorActionName == "AddedRoomTags");
        Assert.Equal(
            first.Data.AuditEventsBetween(Window.From!.Value.ToDateTimeOffset(), Window.To!.Value.ToDateTimeOffset().AddSeconds(-1)).Select(r => r.Resource),
            numbers.Select(e => e.Resource).Reverse());
    }

    [Fact]
    public async Task ReadAsync_SimulatedNoAuditPlan_FailsWithPlanError()
    {
        var (events, error, simulator) = await ReadAsync(o => o.Plan = DocSpacePlan.NoAuditPlan);
        await using var _ = simulator;

        var ex = Assert.IsType<AuditSourceException>(error);
        Assert.Equal(AuditErrorKind.Plan, ex.Kind);
        Assert.Empty(events);
    }
}
