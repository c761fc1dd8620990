namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Finds the title of the file, folder or room an audit-trail record names. The record carries ids in
/// <c>target</c>; the title is only in the <c>action</c> sentence (<c>File Uploaded: report.docx</c>,
/// <c>Files [report.docx]. Moved To Trash Folder</c>), and a room's only in <c>context</c> (<c>Rooms: Legal</c>).
/// </summary>
/// <remarks>
/// The sentence is localized; the brackets and the first <c>": "</c> are what the patterns rely on, so a sentence
/// in another language usually still gives its title, and one that does not gives none (it stays in details).
/// </remarks>
internal static class TrailTitle
{
    private const string RoomPrefix = "Rooms: ";

    /// <summary>
    /// Gets the room title from <c>context</c> (<c>Rooms: Legal</c>), or <see langword="null"/> when the event is not in a room.
    /// </summary>
    public static string? Room(string? context) =>
        context is not null && context.StartsWith(RoomPrefix, StringComparison.Ordinal) && context.Length > RoomPrefix.Length
            ? context[RoomPrefix.Length..]
            : null;

    /// <summary>
    /// Gets the title the record names, and for a move, copy or import the folders it names.
    /// </summary>
    /// <param name="code">The <c>actionId</c>, or <see langword="null"/>.</param>
    /// <param name="sentence">The <c>action</c> sentence, or <see langword="null"/>.</param>
    /// <param name="context">The <c>context</c>, or <see langword="null"/>.</param>
    /// <param name="entries">The <c>entries</c> as names joined with commas, or <see langword="null"/>; they guide a code not listed here.</param>
    /// <returns>The title (or <see langword="null"/>), the folder it came from and the folder it went to (each or both <see langword="null"/>).</returns>
    public static (string? Title, string? FromFolder, string? ToFolder) Find(int? code, string? sentence, string? context, string? entries = null)
    {
        switch (code)
        {
            case 5070 or 5072 or 5074 or 5075 or 5086 or 5088 or 5089 or 5090 or 5097:
                return (Room(context), null, null);
            case 5061:
                return (null, null, null);
            case 5012:
                // Folders [folder]. File Imported: title. Provider: provider
                return (Between(sentence, "Imported: ", ". "), Bracketed(sentence), null);
            case 5013 or 5015:
                // Files [title]. Moved From Folder "from" To Folder: "to"
                return (Bracketed(sentence), Quoted(sentence, 0), Quoted(sentence, 1));
            case 5024:
                // Folders [title]. Moved To Folder: to
                return (Bracketed(sentence), null, AfterColon(sentence));
            case 5008 or 5010 or 5017 or 5026 or 5091 or 5092 or 5093 or 5122 or 5123 or 5124:
                return (Bracketed(sentence), null, null);
            case 5000 or 5001 or 5002 or 5009 or 5011 or 5018 or 5019 or 5027 or 5035 or 5057 or 5099:
                return (AfterColon(sentence), null, null);
            default:
                // A code not listed: a room's event names the room in context; a file's or folder's, in the sentence.
                return entries is null ? (null, null, null)
                    : entries.StartsWith("Room", StringComparison.Ordinal) ? (Room(context), null, null)
                    : entries.StartsWith("File", StringComparison.Ordinal) || entries.StartsWith("Folder", StringComparison.Ordinal) ? (Bracketed(sentence) ?? AfterColon(sentence), null, null)
                    : (null, null, null);
        }
    }

    private static string? Bracketed(string? sentence)
    {
        if (sentence is null)
        {
            return null;
        }

        var open = sentence.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : sentence.IndexOf("]. ", open, StringComparison.Ordinal);
        if (close < 0 && open >= 0 && sentence.EndsWith(']'))
        {
            close = sentence.Length - 1;
        }

        return close > open + 1 ? sentence[(open + 1)..close] : null;
    }

    private static string? AfterColon(string? sentence)
    {
        var colon = sentence?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon >= 0 && colon + 2 < sentence!.Length ? sentence[(colon + 2)..] : null;
    }

    private static string? Between(string? sentence, string start, string end)
    {
        var from = sentence?.IndexOf(start, StringComparison.Ordinal) ?? -1;
        if (from < 0)
        {
            return null;
        }

        from += start.Length;
        var to = sentence!.LastIndexOf(end, StringComparison.Ordinal);
        return to > from ? sentence[from..to] : sentence.Length > from ? sentence[from..] : null;
    }

    private static string? Quoted(string? sentence, int which)
    {
        if (sentence is null)
        {
            return null;
        }

        var at = 0;
        for (var i = 0; i <= which; i++)
        {
            var open = sentence.IndexOf('"', at);
            var close = open < 0 ? -1 : sentence.IndexOf('"', open + 1);
            if (close < 0)
            {
                return null;
            }

            if (i == which)
            {
                return close > open + 1 ? sentence[(open + 1)..close] : null;
            }

            at = close + 1;
        }

        return null;
    }
}
