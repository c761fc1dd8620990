using System.Diagnostics;

namespace AuditAggregator.FaultTests.Support;

/// <summary>The delegating handler that feeds a <see cref="RequestProbe"/>; added to the adapter's named client.</summary>
/// <param name="probe">The probe.</param>
public sealed class ProbeHandler(RequestProbe probe) : DelegatingHandler
{
    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = probe.BeforeSend(request);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            probe.Record(number, request.RequestUri!, sent, (int)response.StatusCode, null);
            return response;
        }
        catch (Exception ex)
        {
            probe.Record(number, request.RequestUri!, sent, null, ex.GetType().Name);
            throw;
        }
    }
}
