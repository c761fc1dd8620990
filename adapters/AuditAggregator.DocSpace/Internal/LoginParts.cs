using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The parts that repeat from one login event to the next, shared between the events of one read: strings (through
/// a <see cref="Utf8StringCache"/>), joined user agents and locations, actors and details. All are immutable, so
/// sharing them is invisible to consumers; every cache is direct-mapped and bounded.
/// </summary>
/// <remarks>One instance per read; not thread-safe.</remarks>
internal sealed class LoginParts
{
    private const int Slots = 256;
    private readonly ActorSlot[] _actors = new ActorSlot[Slots];
    private readonly DetailsSlot[] _details = new DetailsSlot[Slots];

    public Utf8StringCache Strings { get; } = new();

    /// <summary>Gets the account ids seen, in their lower-case <c>D</c> form; only validated GUIDs are added.</summary>
    public Utf8StringCache UserIds { get; } = new(capacity: 256, maxLength: 36);

    public AuditActor Actor(string? id, string? name, string? login)
    {
        ref var slot = ref _actors[Slot(id, name, login)];
        if (slot.Actor is { } cached && ReferenceEquals(slot.Id, id) && ReferenceEquals(slot.Name, name) && ReferenceEquals(slot.Login, login))
        {
            return cached;
        }

        var actor = new AuditActor(id, name, login);
        slot = new ActorSlot { Id = id, Name = name, Login = login, Actor = actor };
        return actor;
    }

    public AuditDetails Details(string? sentence, string? page)
    {
        ref var slot = ref _details[Slot(sentence, page, null)];
        if (slot.Details is { } cached && ReferenceEquals(slot.Sentence, sentence) && ReferenceEquals(slot.Page, page))
        {
            return cached;
        }

        var details = LoginEventMapper.KnownDetails(sentence, page);
        slot = new DetailsSlot { Sentence = sentence, Page = page, Details = details };
        return details;
    }

    private static int Slot(string? a, string? b, string? c) =>
        ((Hash(a) * 31) + (Hash(b) * 17) + Hash(c)) & (Slots - 1);

    // Three characters and the length: enough to spread names and e-mail addresses over the slots, and a clash only
    // costs a miss. RuntimeHelpers.GetHashCode measured slower than the rest of the mapping.
    private static int Hash(string? value) => value is not { Length: > 0 }
        ? 0
        : (value.Length * 0x2D) ^ (value[0] * 0x3B9) ^ (value[value.Length / 2] * 0x1F) ^ (value[^1] << 7);

    private struct ActorSlot
    {
        public string? Id;
        public string? Name;
        public string? Login;
        public AuditActor? Actor;
    }

    private struct DetailsSlot
    {
        public string? Sentence;
        public string? Page;
        public AuditDetails? Details;
    }
}
