using System.Text.RegularExpressions;

namespace AuditAggregator.Simulators.Tests.Data;

/// <summary>The audit trail is the same world as the login history and ExaVault: same people, same kinds of files and folders.</summary>
public class AuditDataSetTests
{
    private static readonly DocSpaceData DocSpace = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now });

    [Fact]
    public void Audit_EveryTableCodeAndTwoOtherMappedCodesAppear()
    {
        int[] table =
        [
            5000, 5001, 5002, 5008, 5009, 5010, 5011, 5012, 5013, 5015, 5017, 5018, 5035, 5099, 5019, 5024, 5026, 5027,
            5057, 5070, 5072, 5074, 5075, 5091, 5092, 5093, 5088, 5089, 5090, 5097, 5122, 5123, 5124, 5086, 5061,
        ];
        var codes = DocSpace.Audit.NewestFirst().Select(r => int.Parse(r.Action, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(table, code => Assert.Contains(code, codes));
        Assert.Contains(5055, codes);
        Assert.Contains(5078, codes);
        Assert.Equal(1500, DocSpace.Audit.Count);
    }

    [Fact]
    public void Audit_UploadsAndDownloadsDominate_LikeExaVaultsTransfers()
    {
        var records = DocSpace.Audit.NewestFirst().ToList();
        var transfers = records.Count(r => r.Action is "5011" or "5009");
        Assert.InRange(transfers, records.Count * 4 / 10, records.Count * 7 / 10);
    }

    [Fact]
    public void Audit_SamePeopleAsTheOtherLogs_EverySharedPersonWorksOnFilesInBothProducts()
    {
        var actors = DocSpace.Audit.NewestFirst().Select(r => r.UserId!.Value).ToHashSet();
        Assert.All(actors, id => Assert.Contains(SimulatedUsers.DocSpace, u => u.DocSpaceUserId == id));
        Assert.All(SimulatedUsers.All.Where(u => u.InDocSpace && u.InExaVault), u => Assert.Contains(u.DocSpaceUserId!.Value, actors));
    }

    [Fact]
    public void Audit_TitlesAreTheKindsOfFilesExaVaultHolds()
    {
        var files = DocSpace.Audit.NewestFirst().Where(r => r.Action is "5011" or "5009" or "5018").Select(r => r.Resource).ToList();
        Assert.All(files, f => Assert.Matches(new Regex(@"^(report-\d{4}-\d{2}-\d{2}\.csv|(invoice|logo|contract|backup)-\d{3}\.(pdf|png|docx|zip))$"), f!));
        var rooms = DocSpace.Audit.NewestFirst().Where(r => r.Action == "5070").Select(r => r.Resource).ToHashSet();
        Assert.Subset(new HashSet<string?> { "Production", "Finance", "Marketing", "Shared" }, rooms);
    }

    [Fact]
    public void Audit_HasBurstsOfOnePersonsTransfers()
    {
        var records = DocSpace.Audit.NewestFirst().Reverse().ToList();
        var longest = 0;
        var run = 0;
        for (var i = 1; i < records.Count; i++)
        {
            var same = records[i].Action == records[i - 1].Action && records[i].UserId == records[i - 1].UserId && records[i].Action is "5011" or "5009"
                && records[i].Time - records[i - 1].Time <= TimeSpan.FromSeconds(1);
            run = same ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        Assert.True(longest >= 2, $"longest burst {longest + 1}");
    }

    [Fact]
    public void Login_IsUnchangedByTheAuditTrail()
    {
        var without = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now, AuditEventCount = 0 });
        Assert.Equal(without.Login.NewestFirst(), DocSpace.Login.NewestFirst());
        Assert.Equal(0, without.Audit.Count);
    }

    [Fact]
    public void Audit_SameSeed_SameTrail_OtherSeed_OtherTrail()
    {
        var again = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now });
        var other = DocSpaceData.Create(new DocSpaceSimulatorOptions { Now = Clients.Now, Seed = 2 });
        Assert.Equal(DocSpace.Audit.NewestFirst(), again.Audit.NewestFirst());
        Assert.NotEqual(DocSpace.Audit.NewestFirst().Select(r => r.Action), other.Audit.NewestFirst().Select(r => r.Action));
        Assert.Equal(DocSpace.AuditEventsBetween(Clients.Now.AddDays(-1), Clients.Now).Count(), DocSpace.Audit.NewestFirst().Count(r => r.Time >= Clients.Now.AddDays(-1)));
    }
}
