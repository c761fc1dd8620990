using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The declared property names of one JSON object type, matched the way the source-generated context matches them:
/// the exact UTF-8 bytes first (bucketed by length), else the unescaped name compared with
/// <see cref="StringComparison.OrdinalIgnoreCase"/> (the context reads names case-insensitively).
/// </summary>
internal sealed class PropertyNames
{
    /// <summary>The index returned for a name that is not declared.</summary>
    public const int Unknown = -1;

    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly int[][] _byLength;

    public PropertyNames(params string[] names)
    {
        _names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
        var longest = _utf8.Max(n => n.Length);
        _byLength = new int[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            _byLength[length] = [.. Enumerable.Range(0, names.Length).Where(i => _utf8[i].Length == length)];
        }
    }

    /// <summary>Gets <see cref="NameKey.Tail"/> of each declared name, by index (0 for names over <see cref="NameKey.MaxLength"/> bytes).</summary>
    /// <returns>The keys.</returns>
    public ulong[] Tails() => [.. _utf8.Select(n => n.Length <= NameKey.MaxLength ? NameKey.Tail(n) : 0)];

    /// <summary>
    /// Finds the declared property the reader's current property name stands for.
    /// </summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="strings">The cache the name of an undeclared property is read through.</param>
    /// <param name="unknownName">The unescaped name when it is not declared, else <see langword="null"/>.</param>
    /// <returns>The index of the declared name, or <see cref="Unknown"/>.</returns>
    public int Find(ref Utf8JsonReader reader, Utf8StringCache strings, out string? unknownName)
    {
        unknownName = null;
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            if (span.Length < _byLength.Length)
            {
                foreach (var index in _byLength[span.Length])
                {
                    if (span.SequenceEqual(_utf8[index]))
                    {
                        return index;
                    }
                }
            }
        }

        var name = strings.GetString(ref reader);
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(name, _names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        unknownName = name;
        return Unknown;
    }
}
