using System.Globalization;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The caller's login-history report job of the asynchronous generation: created by POST, advanced by each GET
/// poll, dropped by DELETE or by the next POST once finished.
/// </summary>
internal sealed class ReportJob
{
    private readonly Lock _lock = new();
    private readonly int _pollsToComplete;
    private readonly DateTimeOffset _now;
    private int _sequence;
    private State? _job;

    public ReportJob(int pollsToComplete, DateTimeOffset now)
    {
        _pollsToComplete = pollsToComplete;
        _now = now;
    }

    public ReportTaskDto Start(bool csv)
    {
        lock (_lock)
        {
            if (_job is null || _job.Polls >= _pollsToComplete)
            {
                _sequence++;
                _job = new State(csv, _sequence);
            }

            return Describe(_job);
        }
    }

    public ReportTaskDto? Poll()
    {
        lock (_lock)
        {
            if (_job is null)
            {
                return null;
            }

            _job.Polls = Math.Min(_job.Polls + 1, _pollsToComplete);
            return Describe(_job);
        }
    }

    public void Cancel()
    {
        lock (_lock)
        {
            _job = null;
        }
    }

    private ReportTaskDto Describe(State job)
    {
        var done = job.Polls >= _pollsToComplete;
        var name = string.Create(CultureInfo.InvariantCulture, $"LoginHistory_{_now:yyyy_MM_dd}.{(job.Csv ? "csv" : "xlsx")}");
        var fileId = 900000 + job.Sequence;
        return new ReportTaskDto
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"DocumentBuilderTask_1_c2b0e3a4-1f6c-4c2e-9c4f-{job.Sequence:D12}"),
            Error = null,
            Percentage = job.Polls * 100 / _pollsToComplete,
            IsCompleted = done,
            Status = done ? 2 : job.Polls == 0 ? 0 : 1,
            ResultFileId = done && !job.Csv ? fileId : null,
            ResultFileName = done ? name : null,
            ResultFileUrl = !done ? null
                : job.Csv ? string.Create(CultureInfo.InvariantCulture, $"/filehandler.ashx?action=download&filename={name}")
                : string.Create(CultureInfo.InvariantCulture, $"/doceditor?fileid={fileId}"),
        };
    }

    private sealed class State(bool csv, int sequence)
    {
        public bool Csv { get; } = csv;

        public int Sequence { get; } = sequence;

        public int Polls { get; set; }
    }
}
