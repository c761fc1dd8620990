namespace AuditAggregator.Simulators.Tests.Hosting;

[CollectionDefinition(nameof(QuietStartTests), DisableParallelization = true)]
public class QuietStartGroup;

/// <summary>The console sample starts the simulators in-process: they must not write to its console.</summary>
[Collection(nameof(QuietStartTests))]
public class QuietStartTests
{
    [Fact]
    public async Task StartServeStop_WritesNothingToTheConsole()
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            await using (var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions { Now = Clients.Now }))
            {
                using var http = Clients.DocSpace(world.DocSpace);
                await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);
                using var missing = await http.GetAsync("/no/such/route");
                Assert.Equal(404, (int)missing.StatusCode);
            }

            await Task.Delay(100);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        Assert.Equal(string.Empty, captured.ToString());
    }
}
