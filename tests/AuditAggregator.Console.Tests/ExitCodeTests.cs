using AuditAggregator.ConsoleApp.Tests.Support;
using AuditAggregator.Simulators;

namespace AuditAggregator.ConsoleApp.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task RunAsync_FormatXml_ExitsTwoNamingFormat()
    {
        var run = await InProcess.RunAsync(["--format", "xml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'xml'", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task RunAsync_FromYesterdayIsh_ExitsTwoNamingFrom()
    {
        var run = await InProcess.RunAsync(["export", "--from", "yesterday-ish"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("yesterday-ish", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TimeWithoutZone_ExitsTwoAskingForZone()
    {
        var run = await InProcess.RunAsync(["--to", "2025-06-01T10:00:00"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no zone", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-01", "(2025-06-02T00:00:00Z, the end of --to 2025-06-01, whose whole day is included)")]
    [InlineData("2025-06-01T12:00:00Z", "(2025-06-01T12:00:00Z, --to 2025-06-01T12:00:00Z)")]
    public async Task RunAsync_FromNotBeforeTo_ExitsTwoSayingWhereTheEndComesFrom(string to, string expected)
    {
        var run = await InProcess.RunAsync(["export", "--from", "2025-06-02", "--to", to]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--from: the window starts (2025-06-02T00:00:00Z) at or after its end " + expected + "; give a --from before it.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownAction_ExitsTwoNamingActionAndTheVocabulary()
    {
        var run = await InProcess.RunAsync(["--action", "loginn"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--action", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("webhook-delivery", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        var run = await InProcess.RunAsync(["export", "--colour", "blue"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MisspeltCommand_ExitsTwoListingTheCommands()
    {
        var run = await InProcess.RunAsync(["exprot"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'exprot' is not a command; the commands are export, compare, follow and simulate", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MisspeltOptionWithItsValue_ExitsTwoWithOneMessageNamingTheClosestOption()
    {
        var run = await InProcess.RunAsync(["export", "--frmo", "2025-06-01"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'--frmo' is not an option or argument of export. Did you mean --from?", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'2025-06-01'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutItsValueBeforeAnother_ExitsTwoNamingTheOptionAndNotTheOtherValue()
    {
        var run = await InProcess.RunAsync(["export", "--from", "--to", "2025-06-02"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--from: needs a value (date|instant) after it, not the option --to.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'2025-06-02'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LastOptionWithoutItsValue_ExitsTwoNamingTheOptionAndWhatItTakes()
    {
        var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--from"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--from: needs a value (date|instant) after it.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required argument missing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VersionAfterACommand_ExitsTwoSayingOnlyTheBareCommandHasIt()
    {
        var run = await InProcess.RunAsync(["export", "--version"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--version is not an option of export; it is one of audit-aggregator with no command only.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CsvForCompare_ExitsTwo()
    {
        var run = await InProcess.RunAsync(["compare", "--format", "csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UrlWithoutToken_ExitsTwoNamingTheMissingSetting()
    {
        var run = await InProcess.RunAsync([], new Dictionary<string, string> { ["DOCSPACE_URL"] = "https://portal.example.com" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--docspace-token (or DOCSPACE_TOKEN)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PlainHttpToRemoteHost_ExitsTwoWithoutEchoingCredentials()
    {
        var run = await InProcess.RunAsync(["--docspace-url", "http://user:hunter2@portal.example.com", "--docspace-token", "sk-secret-value"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--docspace-url", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExaVaultRejectsCredentials_ExitsThreeNamingSourceStatusAndVendorErrorButNoCredential()
    {
        const string key = "wrong-api-key-7f3a9c";
        const string token = "wrong-access-token-1b2c3d";
        await using var world = await Worlds.StartAsync(200);

        var run = await InProcess.RunAsync(
        [
            "export", "--format", "jsonl", .. Worlds.Window,
            "--exavault-url", world.ExaVault.BaseUri.ToString(), "--exavault-api-key", key, "--exavault-access-token", token,
        ]);

        Assert.Equal(3, run.ExitCode);
        var error = run.StderrLines.Last();
        Assert.Contains("exavault", error, StringComparison.Ordinal);
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Contains("ERROR_INVALID_CREDENTIALS", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DocSpaceRejectsToken_ExitsThreeNamingSourceAndStatusButNoToken()
    {
        const string token = "sk-revoked-key-55aa66bb";
        await using var world = await Worlds.StartAsync(200);

        var run = await InProcess.RunAsync(
            ["export", "--format", "jsonl", .. Worlds.Window, "--docspace-url", world.DocSpace.BaseUri.ToString(), "--docspace-token", token]);

        Assert.Equal(3, run.ExitCode);
        var error = run.StderrLines.Last();
        Assert.Contains("docspace", error, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NonAdministratorToken_ExitsThreeWithForbidden()
    {
        await using var world = await Worlds.StartAsync(200);

        var run = await InProcess.RunAsync(
        [
            "compare", .. Worlds.Window,
            "--docspace-url", world.DocSpace.BaseUri.ToString(), "--docspace-token", DocSpaceCredential.DefaultNonAdminApiKey,
        ]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("403", run.StderrLines.Last(), StringComparison.Ordinal);
        Assert.DoesNotContain(DocSpaceCredential.DefaultNonAdminApiKey, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckpointIsNotSqlite_ExitsTwoNamingCheckpoint()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-checkpoint-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, "this is not a database, just text that is long enough to look like a header....");
        try
        {
            var run = await InProcess.RunAsync(["export", "--format", "jsonl", "--checkpoint", path, "--simulator-events", "100"]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--checkpoint", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZeroListingTheCommands()
    {
        var run = await InProcess.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("export", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("compare", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("follow", run.Stdout, StringComparison.Ordinal);
    }
}
