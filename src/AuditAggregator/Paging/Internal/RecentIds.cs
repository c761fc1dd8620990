namespace AuditAggregator.Paging.Internal;

/// <summary>
/// A bounded set of the most recently added ids: the memory of a dedup that only has to span a page boundary.
/// </summary>
internal sealed class RecentIds
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public RecentIds(int capacity) => _capacity = capacity;

    public bool Contains(string id) => _set.Contains(id);

    public void Add(string id)
    {
        if (!_set.Add(id))
        {
            return;
        }

        _order.Enqueue(id);
        if (_order.Count > _capacity)
        {
            _set.Remove(_order.Dequeue());
        }
    }
}
