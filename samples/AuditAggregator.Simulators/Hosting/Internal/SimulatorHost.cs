using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Simulators.Hosting.Internal;

/// <summary>
/// A quiet Kestrel server on 127.0.0.1 (on a free port unless one is given), with the request log, the latency and
/// the fault plan in front of the vendor's routes.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IVendorBehaviour _vendor;
    private readonly FaultPlan _faults;
    private readonly RequestLog _log;
    private readonly TimeSpan _latency;

    private SimulatorHost(WebApplication app, IVendorBehaviour vendor, FaultPlan faults, RequestLog log, TimeSpan latency)
    {
        _app = app;
        _vendor = vendor;
        _faults = faults;
        _log = log;
        _latency = latency;
    }

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<SimulatorHost> StartAsync(IVendorBehaviour vendor, FaultPlan faults, RequestLog log, SimulatorHostSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, settings.Port);
            options.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var host = new SimulatorHost(app, vendor, faults, log, settings.Latency);
        app.Use(host.InvokeAsync);
        app.UseRouting();
        vendor.MapRoutes(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A port in use fails here (IOException): the half-built app still holds its services.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task WriteProxyPageAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html";
        var reason = ReasonPhrases(statusCode);
        var page = string.Create(
            CultureInfo.InvariantCulture,
            $"<html>\r\n<head><title>{statusCode} {reason}</title></head>\r\n<body>\r\n<center><h1>{statusCode} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
        return context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static string ReasonPhrases(int statusCode) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // Real time, like the latency: when the request reached the server, for tests of client-side rate limits.
        var receivedAt = TimeProvider.System.GetUtcNow();
        SimulatedFault? fault = null;
        try
        {
            if (_latency > TimeSpan.Zero)
            {
                await Task.Delay(_latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (!await _vendor.AdmitAsync(context).ConfigureAwait(false))
            {
                return;
            }

            fault = _faults.Next();
            switch (fault?.Kind)
            {
                case null:
                    await next(context).ConfigureAwait(false);
                    break;
                case SimulatedFaultKind.TooManyRequests:
                    await _vendor.WriteTooManyRequestsAsync(context, fault.RetryAfter).ConfigureAwait(false);
                    break;
                case SimulatedFaultKind.ServerError when fault.HtmlBody:
                    await WriteProxyPageAsync(context, fault.StatusCode).ConfigureAwait(false);
                    break;
                case SimulatedFaultKind.ServerError:
                    await _vendor.WriteServerErrorAsync(context, fault.StatusCode).ConfigureAwait(false);
                    break;
                case SimulatedFaultKind.Slow:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    await next(context).ConfigureAwait(false);
                    break;
                default:
                    await ServeCutAsync(context, next, fault.Kind == SimulatedFaultKind.DropConnection).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (typically on a slow answer): nothing left to answer.
        }
        finally
        {
            _log.Add(new SimulatedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                (context.Request.Path.Value ?? string.Empty) + context.Request.QueryString.Value,
                RequestLog.RedactHeaders(context.Request.Headers),
                context.Response.StatusCode,
                fault)
            {
                CredentialFingerprint = RequestLog.FingerprintOf(context.Request.Headers),
                ReceivedAt = receivedAt,
            });
        }
    }

    /// <summary>Builds the normal answer in memory, then sends about half of it: cleanly ended, or aborted.</summary>
    private static async Task ServeCutAsync(HttpContext context, RequestDelegate next, bool abort)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var cut = bytes[..(bytes.Length / 2)];
        context.Response.StatusCode = 200;
        if (abort)
        {
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(cut, context.RequestAborted).ConfigureAwait(false);
            await original.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
        }
        else
        {
            context.Response.ContentLength = cut.Length;
            await original.WriteAsync(cut, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
