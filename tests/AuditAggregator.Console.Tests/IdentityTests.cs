using System.Text.Json;
using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class IdentityTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private async Task<Dictionary<string, JsonElement>> ComparePeopleAsync(params string[] extra)
    {
        var run = await InProcess.RunAsync(["compare", "--format", "jsonl", .. Worlds.Window, .. Worlds.Flags(fixture.World), .. extra]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.StdoutLines);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("people").EnumerateArray()
            .ToDictionary(p => p.GetProperty("person").GetString()!, p => p.Clone(), StringComparer.OrdinalIgnoreCase);
    }

    private static string[] SourcesOf(JsonElement person) => [.. person.GetProperty("sources").EnumerateObject().Select(p => p.Name)];

    private static string[] FlagsOf(JsonElement person) => [.. person.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)];

    [Fact]
    public async Task Compare_NoIdentityMap_JoinsOnlyEqualLoginsIgnoringCase()
    {
        var people = await ComparePeopleAsync();

        // grace's ExaVault username is her e-mail, so she joins by equality.
        Assert.Equal(["docspace", "exavault"], SourcesOf(people["grace@example.com"]));
        Assert.DoesNotContain(FlagsOf(people["grace@example.com"]), f => f.StartsWith("only-in", StringComparison.Ordinal));

        // alice is "alice@example.com" in DocSpace and "alice" in ExaVault: two people, each flagged.
        Assert.Equal(["docspace"], SourcesOf(people["alice@example.com"]));
        Assert.Contains("only-in-docspace", FlagsOf(people["alice@example.com"]));
        Assert.Equal(["exavault"], SourcesOf(people["alice"]));
        Assert.Contains("only-in-exavault", FlagsOf(people["alice"]));
    }

    [Fact]
    public async Task Compare_IdentityMap_JoinsByDocSpaceLoginAndByUserId()
    {
        var bob = SimulatedUsers.All.Single(u => u.ExaVaultUsername == "bob");
        var map = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(map, $$"""
            {
              "alice@example.com": "alice",
              "{{bob.DocSpaceUserId}}": "bob"
            }
            """);
        try
        {
            var people = await ComparePeopleAsync("--identity-map", map);

            var alice = people["alice"];
            Assert.Equal(["docspace", "exavault"], SourcesOf(alice));
            Assert.Equal("Alice Johnson", alice.GetProperty("name").GetString());
            Assert.DoesNotContain(FlagsOf(alice), f => f.StartsWith("only-in", StringComparison.Ordinal));
            Assert.Contains("alice@example.com", alice.GetProperty("sources").GetProperty("docspace").GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
            Assert.False(people.ContainsKey("alice@example.com"));
            Assert.Equal(["docspace", "exavault"], SourcesOf(people["bob"]));

            // Unmapped people stay apart: dave has no ExaVault account at all.
            Assert.Contains("only-in-docspace", FlagsOf(people["dave@example.com"]));
        }
        finally
        {
            File.Delete(map);
        }
    }

    [Fact]
    public async Task Compare_PerPersonCounts_MatchTheEventsOfThatPerson()
    {
        // Her display name selects both DocSpace streams: the audit trail names its actor by id and name, not login.
        var carolName = SimulatedUsers.All.Single(u => u.Email == "carol@example.com").DisplayName;
        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--source", "docspace", "--user", carolName, .. Worlds.Window, .. Worlds.Flags(fixture.World)]);
        var events = JsonLines.Parse(run.Stdout);
        var people = await ComparePeopleAsync();

        var carol = people["carol@example.com"].GetProperty("sources").GetProperty("docspace");
        Assert.Equal(events.Count(e => e.GetProperty("action").GetString() == "login" && e.GetProperty("outcome").GetString() == "success"), carol.GetProperty("logins").GetInt64());
        Assert.Equal(events.Count(e => e.GetProperty("action").GetString() == "login" && e.GetProperty("outcome").GetString() == "failure"), carol.GetProperty("failedLogins").GetInt64());
        Assert.Equal(events.Count(e => e.GetProperty("action").GetString() == "logout"), carol.GetProperty("logouts").GetInt64());
        Assert.Equal(events.Count(e => e.GetProperty("action").GetString() == "upload"), carol.GetProperty("uploads").GetInt64());
        Assert.Equal(events.Count(e => e.GetProperty("category").GetString() == "sharing"), carol.GetProperty("shares").GetInt64());
        Assert.Contains(events, e => e.GetProperty("stream").GetString() == "audit");
        Assert.Equal(events.Select(e => e.GetProperty("ip").GetString()).Where(ip => ip is not null).Distinct().Count(), carol.GetProperty("distinctIps").GetInt32());
        Assert.Equal(events.Last().GetProperty("time").GetString(), carol.GetProperty("firstSeen").GetString());
        Assert.Equal(events.First().GetProperty("time").GetString(), carol.GetProperty("lastSeen").GetString());
    }

    [Fact]
    public async Task Compare_IdentityMapIsADirectory_ExitsTwoSayingSo()
    {
        var directory = Directory.CreateTempSubdirectory("identity-");
        try
        {
            var run = await InProcess.RunAsync(["compare", "--identity-map", directory.FullName]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"--identity-map: '{directory.FullName}' is a directory; give the path of a JSON file.", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("denied", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task Compare_IdentityMapMissing_ExitsTwoSayingItDoesNotExist()
    {
        var run = await InProcess.RunAsync(["compare", "--identity-map", "no-such-people.json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--identity-map: 'no-such-people.json' does not exist.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_IdentityMapKeysDifferOnlyByCaseToOneUsername_WarnsAndJoins()
    {
        var map = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(map, """{ "alice@example.com": "alice", "Alice@Example.com": "alice" }""");
        try
        {
            var run = await InProcess.RunAsync(["compare", "--format", "jsonl", .. Worlds.Window, .. Worlds.Flags(fixture.World), "--identity-map", map]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(
                "audit-aggregator: warning: --identity-map: ",
                run.StderrLines.Single(l => l.Contains("keys ignore case", StringComparison.Ordinal)),
                StringComparison.Ordinal);
            var alice = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetString() == "alice");
            Assert.Equal(["docspace", "exavault"], SourcesOf(alice));
        }
        finally
        {
            File.Delete(map);
        }
    }

    [Fact]
    public async Task Compare_IdentityMapKeysDifferOnlyByCaseToTwoUsernames_ExitsTwoNamingBoth()
    {
        var map = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(map, """{ "alice@example.com": "alice", "ALICE@example.com": "bob" }""");
        try
        {
            var run = await InProcess.RunAsync(["compare", "--identity-map", map]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("\"alice@example.com\" and \"ALICE@example.com\" are the same key (keys ignore case) but map to \"alice\" and \"bob\"", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(map);
        }
    }

    [Fact]
    public async Task Compare_IdentityMapNotAnObject_ExitsTwoNamingTheOption()
    {
        var map = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(map, "[\"alice\"]");
        try
        {
            var run = await InProcess.RunAsync(["compare", "--identity-map", map]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--identity-map", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(map);
        }
    }
}
