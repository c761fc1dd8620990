using System.Globalization;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The caller's report job of one kind (login history, audit trail) of the asynchronous generation: created by POST, advanced by each GET
/// poll, dropped by DELETE or by the next POST once finished.
/// </summary>
internal sealed class ReportJob
{
    private readonly Lock _lock = new();
    private readonly int _pollsToComplete;
    private readonly DateTimeOffset _now;
    private readonly string _kind;
    private readonly int _fileIdBase;
    private readonly string _taskPrefix;
    private int _sequence;
    private State? _job;

    /// <param name="pollsToComplete">How many polls the build takes.</param>
    /// <param name="now">The data set's now, which names the file.</param>
    /// <param name="kind">The report kind as the file name starts: <c>LoginHistory</c>, <c>AuditTrail</c>.</param>
    /// <param name="fileIdBase">The id the produced files count up from.</param>
    /// <param name="taskPrefix">The fixed part of the task id, which the server derives from the portal, account and kind.</param>
    public ReportJob(int pollsToComplete, DateTimeOffset now, string kind, int fileIdBase, string taskPrefix)
    {
        _pollsToComplete = pollsToComplete;
        _now = now;
        _kind = kind;
        _fileIdBase = fileIdBase;
        _taskPrefix = taskPrefix;
    }

    /// <summary>Gets the report kind (the start of the file name).</summary>
    public string Kind => _kind;

    /// <summary>Gets the id of the file a synchronous report answers with.</summary>
    public int SynchronousFileId => _fileIdBase + 1;

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
        var name = string.Create(CultureInfo.InvariantCulture, $"{_kind}_{_now:yyyy_MM_dd}.{(job.Csv ? "csv" : "xlsx")}");
        var fileId = _fileIdBase + job.Sequence;
        return new ReportTaskDto
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"DocumentBuilderTask_1_{_taskPrefix}-{job.Sequence:D12}"),
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
