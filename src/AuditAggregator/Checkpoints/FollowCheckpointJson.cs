using System.Text.Json;
using System.Text.Json.Serialization;
using AuditAggregator.Serialization.Internal;

namespace AuditAggregator.Checkpoints;

/// <summary>
/// The JSON form of a <see cref="FollowCheckpoint"/>, for stores that keep it as text.
/// </summary>
public static class FollowCheckpointJson
{
    /// <summary>
    /// Serializes a checkpoint.
    /// </summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(FollowCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return JsonSerializer.Serialize(checkpoint, CheckpointJsonContext.Default.FollowCheckpoint);
    }

    /// <summary>
    /// Parses a checkpoint.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="JsonException">The text is not a checkpoint.</exception>
    public static FollowCheckpoint Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var checkpoint = JsonSerializer.Deserialize(json, CheckpointJsonContext.Default.FollowCheckpoint);
        return checkpoint?.Sources is null ? throw new JsonException("The text holds no checkpoint.") : checkpoint;
    }
}

/// <summary>
/// The source-generated JSON context of checkpoints.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(FollowCheckpoint))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
