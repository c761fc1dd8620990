using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// A property name of 1 to 16 bytes as two integers that, for names of one length, are equal exactly when the names
/// are: the parsers compare a name with each declared name of its length by integers, with no loop and no call.
/// </summary>
/// <remarks>
/// Up to 8 bytes, <see cref="Head"/> holds every byte (two overlapping reads, whose positions depend only on the
/// length) and <see cref="Tail"/> is 0; from 9 to 16 bytes, <see cref="Head"/> is the first 8 and <see cref="Tail"/>
/// the last 8. A caller must compare lengths first and must not use it for longer names.
/// </remarks>
internal static class NameKey
{
    /// <summary>The longest name the keys describe exactly.</summary>
    public const int MaxLength = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Head(ReadOnlySpan<byte> name) => name.Length switch
    {
        >= 8 => BinaryPrimitives.ReadUInt64LittleEndian(name),
        >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(name) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[^4..]) << 32),
        >= 2 => BinaryPrimitives.ReadUInt16LittleEndian(name) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(name[^2..]) << 16),
        1 => name[0],
        _ => 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Tail(ReadOnlySpan<byte> name) => name.Length > 8 ? BinaryPrimitives.ReadUInt64LittleEndian(name[^8..]) : 0;

    /// <summary>The first 8 bytes of a name of 8 bytes or more: <see cref="Head"/> without the length switch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong First8(ReadOnlySpan<byte> name) => BinaryPrimitives.ReadUInt64LittleEndian(name);

    /// <summary>The last 8 bytes of a name of 9 bytes or more: <see cref="Tail"/> without the length test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Last8(ReadOnlySpan<byte> name) => BinaryPrimitives.ReadUInt64LittleEndian(name[^8..]);

    /// <summary><see cref="Head"/> of a name of 4 to 7 bytes, without the length switch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Short(ReadOnlySpan<byte> name) =>
        BinaryPrimitives.ReadUInt32LittleEndian(name) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[^4..]) << 32);
}
