namespace AuditAggregator.Paging.Internal;

/// <summary>
/// The full pages a read has seen, each kept as a 64-bit fingerprint of its ids in order (8 bytes and a dictionary
/// entry per page), so that a page served again at a later offset is recognised however long ago it came.
/// </summary>
/// <remarks>
/// The fingerprint is FNV-1a over the source, stream and source id of every item. Two different pages share one
/// with a chance of about n² / 2^65 for n pages: one in thirty million for a million pages.
/// </remarks>
internal sealed class PageFingerprints
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private readonly Dictionary<ulong, long> _offsets = [];

    /// <summary>Records <paramref name="page"/>, or finds the offset it was already seen at.</summary>
    /// <param name="page">A full page.</param>
    /// <param name="offset">The offset it was fetched at.</param>
    /// <param name="earlierOffset">The offset of the identical earlier page, when there is one.</param>
    /// <returns><see langword="true"/> when an identical page came before.</returns>
    public bool Repeats(IReadOnlyList<AuditEvent> page, long offset, out long earlierOffset)
    {
        var fingerprint = Of(page);
        if (_offsets.TryGetValue(fingerprint, out earlierOffset))
        {
            return true;
        }

        _offsets.Add(fingerprint, offset);
        return false;
    }

    private static ulong Of(IReadOnlyList<AuditEvent> page)
    {
        var hash = OffsetBasis;
        for (var i = 0; i < page.Count; i++)
        {
            hash = Add(hash, page[i].Source);
            hash = Add(hash, page[i].Stream);
            hash = Add(hash, page[i].SourceId);
        }

        return hash;
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        return (hash ^ 0xFFFF) * Prime;
    }
}
