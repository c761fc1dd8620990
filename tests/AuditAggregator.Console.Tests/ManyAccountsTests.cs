using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>
/// A sources file with several accounts of each vendor, each against its own server: every window exactly once,
/// named by its source and vendor, credentials kept apart, a failed account failing alone.
/// </summary>
public sealed class ManyAccountsTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>, IDisposable
{
    private static readonly string[] Names = ["acme-docspace", "globex-docspace", "acme-exavault", "globex-exavault"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("audit-accounts-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Export_TwoPortalsAndTwoExaVaultAccounts_ExportsEachWindowExactlyOnceWithItsSourceAndVendor()
    {
        var accounts = fixture.Accounts();

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--sources-file", accounts.Write(_directory.FullName), .. Worlds.Window], accounts.Variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = JsonLines.Parse(run.Stdout);
        foreach (var name in Names)
        {
            var ids = events.Where(e => e.GetProperty("source").GetString() == name).Select(e => e.GetProperty("id").GetString()!).ToList();
            var expected = accounts.Expected(name, Worlds.From, Worlds.To);
            Assert.True(expected.Count > 100, $"{name}: only {expected.Count} events expected");
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.True(expected.SetEquals(ids), $"{name}: {ids.Count} exported, {expected.Count} expected");
        }

        Assert.Equal(Names.Sum(n => accounts.Expected(n, Worlds.From, Worlds.To).Count), events.Count);
        Assert.All(events, e => Assert.Equal(e.GetProperty("source").GetString()!.Split('-')[1], e.GetProperty("vendor").GetString()));
        Assert.Contains("acme-docspace", run.StderrLines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_TwoPortalsWithTheSameVendorIds_DeliversBothWindowsExactlyOnce()
    {
        // Two portals generated from one seed: every vendor id of one is a vendor id of the other.
        await using var first = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Seed = 9, EventCount = 600, Now = InProcess.Now });
        var other = new DocSpaceSimulatorOptions { Seed = 9, EventCount = 600, Now = InProcess.Now };
        other.Credentials.Clear();
        other.Credentials.Add(DocSpaceCredential.ApiKey("sk-second-portal-key"));
        await using var second = await DocSpaceSimulator.StartAsync(other);
        var accounts = new Accounts().DocSpace("portal-a", first).DocSpace("portal-b", second);
        var vendorIds = accounts.Expected("portal-a", Worlds.From, Worlds.To).Select(id => id.Split(':')[2]).ToHashSet();
        Assert.Equal(vendorIds, accounts.Expected("portal-b", Worlds.From, Worlds.To).Select(id => id.Split(':')[2]).ToHashSet());

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--sources-file", accounts.Write(_directory.FullName), .. Worlds.Window], accounts.Variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        var ids = JsonLines.Ids(run.Stdout);
        Assert.Equal(2 * vendorIds.Count, ids.Count);
        Assert.True(accounts.Expected("portal-a", Worlds.From, Worlds.To).Union(accounts.Expected("portal-b", Worlds.From, Worlds.To)).ToHashSet().SetEquals(ids));
    }

    [Fact]
    public async Task Export_WrongCredentialOnOneSource_FailsThatSourceOnlyThenResumesIt()
    {
        var accounts = fixture.Accounts();
        var file = accounts.Write(_directory.FullName);
        var output = Path.Combine(_directory.FullName, "audit.jsonl");
        string[] args = ["export", "--format", "jsonl", "--sources-file", file, "--checkpoint", Path.Combine(_directory.FullName, "state.db"), "--output", output, .. Worlds.Window];
        var wrong = new Dictionary<string, string>(accounts.Variables) { ["GLOBEX_EXAVAULT_KEY"] = "globex-wrong-key-77aa" };

        var failed = await InProcess.RunAsync(args, wrong);

        Assert.True(failed.ExitCode == 3, failed.ToString());
        var last = failed.StderrLines.Last();
        Assert.StartsWith("audit-aggregator: error: globex-exavault: HTTP 401", last, StringComparison.Ordinal);
        Assert.Contains("acme-docspace, globex-docspace, acme-exavault were all delivered and committed", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("globex-wrong-key-77aa", failed.Stderr, StringComparison.Ordinal);
        var firstIds = JsonLines.Ids(await File.ReadAllTextAsync(output));
        foreach (var name in Names.Where(n => n != "globex-exavault"))
        {
            Assert.True(accounts.Expected(name, Worlds.From, Worlds.To).SetEquals(firstIds.Where(id => id.StartsWith(name + ":", StringComparison.Ordinal))), name);
        }

        Assert.DoesNotContain(firstIds, id => id.StartsWith("globex-exavault:", StringComparison.Ordinal));

        var fixedRun = await InProcess.RunAsync(args, accounts.Variables);

        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
        var ids = JsonLines.Ids(await File.ReadAllTextAsync(output));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(Names.SelectMany(n => accounts.Expected(n, Worlds.From, Worlds.To)).ToHashSet().SetEquals(ids));
    }

    [Fact]
    public async Task Export_ManyAccounts_EachServerSawOnlyItsOwnCredential()
    {
        await using var world = await Worlds.StartAsync(300, o => o.Accounts = 3);
        var accounts = new Accounts();
        for (var k = 0; k < 3; k++)
        {
            accounts.DocSpace($"portal-{k}", world.DocSpaces[k]).ExaVault($"vault-{k}", world.ExaVaults[k]);
        }

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--sources-file", accounts.Write(_directory.FullName), .. Worlds.Window], accounts.Variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        for (var k = 0; k < 3; k++)
        {
            var portal = world.DocSpaces[k];
            var key = accounts.Variables[$"PORTAL_{k}_TOKEN"];
            var vault = world.ExaVaults[k];
            Assert.NotEmpty(portal.Requests.Snapshot());
            Assert.All(portal.Requests.Snapshot(), r => Assert.Equal(RequestLog.Fingerprint([KeyValuePair.Create("Authorization", "Bearer " + key)]), r.CredentialFingerprint));
            Assert.NotEmpty(vault.Requests.Snapshot());
            Assert.All(vault.Requests.Snapshot(), r => Assert.Equal(
                RequestLog.Fingerprint([KeyValuePair.Create("ev-api-key", vault.Options.ApiKey), KeyValuePair.Create("ev-access-token", vault.Options.AccessToken)]),
                r.CredentialFingerprint));
        }
    }

    [Fact]
    public async Task Export_SourcesAddedAndRemovedBetweenRuns_NeverResetTheOthersCheckpoints()
    {
        var accounts = fixture.Accounts();
        var output = Path.Combine(_directory.FullName, "audit.jsonl");
        var checkpoint = Path.Combine(_directory.FullName, "state.db");
        async Task<List<string>> ExportAsync(params string[] names)
        {
            var before = File.Exists(output) ? JsonLines.Ids(await File.ReadAllTextAsync(output)).Count : 0;
            var run = await InProcess.RunAsync(
                ["export", "--format", "jsonl", "--sources-file", accounts.Write(_directory.FullName, names), "--checkpoint", checkpoint, "--output", output, .. Worlds.Window],
                accounts.Variables);
            Assert.True(run.ExitCode == 0, run.ToString());
            return [.. JsonLines.Ids(await File.ReadAllTextAsync(output)).Skip(before)];
        }

        var first = await ExportAsync("acme-docspace", "acme-exavault");
        var added = await ExportAsync("acme-docspace", "acme-exavault", "globex-docspace");
        var removed = await ExportAsync("globex-docspace");
        var back = await ExportAsync(Names);

        Assert.True(accounts.Expected("acme-docspace", Worlds.From, Worlds.To).Union(accounts.Expected("acme-exavault", Worlds.From, Worlds.To)).ToHashSet().SetEquals(first));
        Assert.True(accounts.Expected("globex-docspace", Worlds.From, Worlds.To).SetEquals(added), "only the added source is read from the start");
        Assert.Empty(removed);
        Assert.True(accounts.Expected("globex-exavault", Worlds.From, Worlds.To).SetEquals(back), "the removed sources came back where they were; only the new one starts");
    }

    [Fact]
    public async Task Compare_FourAccounts_PutsThemSideBySideAndJoinsPeopleAcrossThem()
    {
        var accounts = fixture.Accounts();

        var run = await InProcess.RunAsync(["compare", "--format", "json", "--sources-file", accounts.Write(_directory.FullName), .. Worlds.Window], accounts.Variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var sources = report.RootElement.GetProperty("sources");
        Assert.Equal(Names.Order(), sources.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(Names, n => Assert.Equal(n.Split('-')[1], sources.GetProperty(n).GetProperty("vendor").GetString()));
        Assert.All(Names, n => Assert.Equal(accounts.Expected(n, Worlds.From, Worlds.To).Count, sources.GetProperty(n).GetProperty("events").GetInt64()));
        var grace = report.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetString() == "grace@example.com");
        Assert.Equal(Names.Order(), grace.GetProperty("sources").EnumerateObject().Select(p => p.Name).Order());
        var bob = report.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetString() == "bob");
        Assert.Equal(["acme-exavault"], bob.GetProperty("sources").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Export_SourceByVendor_ReadsEveryAccountOfThatVendorOnly()
    {
        var accounts = fixture.Accounts();
        var before = fixture.World.DocSpaces.Sum(d => d.RequestCount);

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--source", "exavault", "--sources-file", accounts.Write(_directory.FullName), .. Worlds.Window], accounts.Variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["acme-exavault", "globex-exavault"], JsonLines.Parse(run.Stdout).Select(e => e.GetProperty("source").GetString()).Distinct().Order());
        Assert.Equal(before, fixture.World.DocSpaces.Sum(d => d.RequestCount));
    }

    [Fact]
    public async Task Export_SourcesFileFromTheEnvironmentVariable_IsRead()
    {
        var accounts = fixture.Accounts();
        var variables = new Dictionary<string, string>(accounts.Variables) { ["AUDIT_SOURCES_FILE"] = accounts.Write(_directory.FullName, "globex-docspace") };

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", .. Worlds.Window], variables);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(accounts.Expected("globex-docspace", Worlds.From, Worlds.To).SetEquals(JsonLines.Ids(run.Stdout)));
    }

    [Theory]
    [InlineData("unknown", "sources.json: source 'acme', key 'tokn': is not a key of a docspace source")]
    [InlineData("variable", "sources.json: source 'acme', key 'token': the environment variable NOT_SET_ANYWHERE is not set")]
    [InlineData("http", "sources.json: source 'acme', key 'url': uses plain http to portal.example.com")]
    [InlineData("vendor", "sources.json: source 'acme', key 'vendor': 'box' is not a vendor")]
    [InlineData("duplicate", "sources.json: source 'acme', key 'name': is used by source #1 and #2")]
    public async Task RunAsync_WrongSourcesFile_ExitsTwoNamingTheFileTheSourceAndTheKey(string problem, string expected)
    {
        var entry = problem switch
        {
            "unknown" => """{ "name": "acme", "vendor": "docspace", "url": "https://portal.example.com", "tokn": "sk-inline-secret-1" }""",
            "variable" => """{ "name": "acme", "vendor": "docspace", "url": "https://portal.example.com", "token": "${NOT_SET_ANYWHERE}" }""",
            "http" => """{ "name": "acme", "vendor": "docspace", "url": "http://portal.example.com", "token": "sk-inline-secret-1" }""",
            "vendor" => """{ "name": "acme", "vendor": "box", "url": "https://portal.example.com", "token": "sk-inline-secret-1" }""",
            _ => """{ "name": "acme", "vendor": "docspace", "url": "https://a.example.com", "token": "sk-inline-secret-1" }, { "name": "acme", "vendor": "docspace", "url": "https://b.example.com", "token": "sk-inline-secret-1" }""",
        };
        var path = Path.Combine(_directory.FullName, "sources.json");
        await File.WriteAllTextAsync(path, $$"""{ "sources": [ {{entry}} ] }""");

        var run = await InProcess.RunAsync(["export", "--sources-file", path]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.StderrLines, l => l.StartsWith("audit-aggregator: error: ", StringComparison.Ordinal) && l.Contains(expected.Replace("sources.json", path, StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.DoesNotContain("sk-inline-secret-1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task RunAsync_SecretWrittenInline_WarnsNamingTheKeyButNotTheValue()
    {
        var portal = fixture.World.DocSpaces[0];
        var key = portal.Options.Credentials.First(c => c.Kind == DocSpaceCredentialKind.ApiKey && c.IsAdmin).Secret;
        var path = Path.Combine(_directory.FullName, "inline.json");
        await File.WriteAllTextAsync(path, $$"""{ "sources": [ { "name": "acme", "vendor": "docspace", "url": "{{portal.BaseUri}}", "token": "{{key}}" } ] }""");

        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--sources-file", path, .. Worlds.Window]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.StderrLines, l => l.StartsWith($"audit-aggregator: warning: {path}: source 'acme', key 'token': holds a secret written inline", StringComparison.Ordinal));
        Assert.DoesNotContain(key, run.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(run.StdoutLines);
    }

    [Fact]
    public async Task RunAsync_SourcesFileWithShortcutFlags_ExitsTwoNamingBoth()
    {
        var accounts = fixture.Accounts();

        var run = await InProcess.RunAsync(["export", "--sources-file", accounts.Write(_directory.FullName), "--docspace-url", "https://portal.example.com"], accounts.Variables);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--docspace-url: configures the one-account shortcut, but --sources-file configures every source", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SourcesFileIsADirectory_ExitsTwoSayingSoInWords()
    {
        var run = await InProcess.RunAsync(["export", "--sources-file", _directory.FullName]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--sources-file: '{_directory.FullName}': is a directory; give the path of a JSON file.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownSourceName_ExitsTwoListingTheSources()
    {
        var accounts = fixture.Accounts();

        var run = await InProcess.RunAsync(["export", "--source", "initech", "--sources-file", accounts.Write(_directory.FullName)], accounts.Variables);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--source: 'initech' is neither a source nor a vendor; the sources are acme-docspace, globex-docspace, acme-exavault, globex-exavault", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_SimulatorAccounts_ComparesEveryPortalAndAccountAndJoinsTheConsultant()
    {
        var run = await InProcess.RunAsync(["compare", "--simulate", "--simulator-accounts", "3", "--simulator-events", "600", "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.StderrLines, l => l.Contains("3 DocSpace portals and 3 ExaVault accounts", StringComparison.Ordinal));
        using var report = System.Text.Json.JsonDocument.Parse(run.Stdout);
        string[] names = ["docspace-1", "docspace-2", "docspace-3", "exavault-1", "exavault-2", "exavault-3"];
        Assert.Equal(names, report.RootElement.GetProperty("sources").EnumerateObject().Select(p => p.Name).Order());
        Assert.All(names, n => Assert.True(report.RootElement.GetProperty("sources").GetProperty(n).GetProperty("events").GetInt64() > 0, n));
        var grace = report.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetString() == "grace@example.com");
        Assert.True(grace.GetProperty("sources").EnumerateObject().Count() >= 4, "the consultant is joined across the accounts");
    }
}
