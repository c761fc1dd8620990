using System.Diagnostics;

namespace AuditAggregator.FaultTests.Support;

/// <summary>
/// The test's view of one adapter's requests: times them, queues faults on the simulator's plan right before a
/// chosen request is sent (so a fault lands mid-read, not on the first page), and can revoke the credential on the
/// wire from a chosen request on (the simulators have no revocation switch; from then on the server receives a
/// credential it does not know and answers 401 as the real vendor does).
/// </summary>
public sealed class RequestProbe
{
    private readonly Lock _lock = new();
    private readonly List<SentRequest> _sent = [];
    private readonly Dictionary<int, SimulatedFault[]> _injections = [];
    private readonly Action<HttpRequestMessage> _revoke;
    private int _count;
    private int _servedBefore;
    private int? _revokeFrom;

    /// <summary>Initializes a new instance of the <see cref="RequestProbe"/> class.</summary>
    /// <param name="plan">The simulator's fault plan.</param>
    /// <param name="revoke">Replaces the request's credential with a revoked one.</param>
    public RequestProbe(FaultPlan plan, Action<HttpRequestMessage> revoke)
    {
        Plan = plan;
        _revoke = revoke;
    }

    /// <summary>Gets the simulator's fault plan.</summary>
    public FaultPlan Plan { get; }

    /// <summary>Gets the number of requests sent so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets the number of simulated faults served since the last <see cref="Reset"/>.</summary>
    public int FaultsServed => Plan.Served - Volatile.Read(ref _servedBefore);

    /// <summary>Gets the requests sent so far, in the order they were answered.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Queues <paramref name="faults"/> on the simulator right before request <paramref name="requestNumber"/> is sent.</summary>
    /// <param name="requestNumber">The request number, from 1.</param>
    /// <param name="faults">The faults, served to that request and the ones after it (its retries).</param>
    public void InjectAt(int requestNumber, params SimulatedFault[] faults)
    {
        lock (_lock)
        {
            _injections[requestNumber] = faults;
        }
    }

    /// <summary>Revokes the credential from request <paramref name="requestNumber"/> on.</summary>
    /// <param name="requestNumber">The first request that carries the revoked credential, from 1.</param>
    public void RevokeFrom(int requestNumber)
    {
        lock (_lock)
        {
            _revokeFrom = requestNumber;
        }
    }

    /// <summary>Forgets the requests sent so far (after a warm-up read), so request numbers start at 1 again.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _count = 0;
            _sent.Clear();
            _servedBefore = Plan.Served;
        }
    }

    internal int BeforeSend(HttpRequestMessage request)
    {
        SimulatedFault[]? faults;
        bool revoke;
        int number;
        lock (_lock)
        {
            number = ++_count;
            _injections.Remove(number, out faults);
            revoke = _revokeFrom is { } from && number >= from;
        }

        if (faults is not null)
        {
            foreach (var fault in faults)
            {
                Plan.Enqueue(fault);
            }
        }

        if (revoke)
        {
            _revoke(request);
        }

        return number;
    }

    internal void Record(int number, Uri uri, long sent, int? status, string? failure)
    {
        var answered = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _sent.Add(new SentRequest(number, uri, sent, answered, status, failure));
        }
    }
}
